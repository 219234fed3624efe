namespace MigrantCover.Web.Data;

/// <summary>
/// The breakdowns of the dashboard. To add one, declare it here and add a migration for each provider
/// that back-fills it (<see cref="TallySql.Backfill"/>); docs/admin.md says how.
/// </summary>
public static class TallyDimensions
{
    /// <summary>The row of every worker, whatever its values: the totals.</summary>
    public const string All = "all";

    public const string Destination = "destination";
    public const string Province = "province";
    public const string Sex = "sex";
    public const string Scheme = "scheme";
    public const string Agency = "agency";
    public const string Occupation = "occupation";

    public static readonly IReadOnlyList<TallyDimension> Breakdowns =
    [
        new() { Name = Destination, Property = nameof(Worker.DestinationCountry), Sql = "destination_country" },
        new() { Name = Province, Property = nameof(Worker.ProvinceCode), Sql = "province_code", NameOf = Provinces.NameOf },
        new() { Name = Sex, Property = nameof(Worker.Sex), Sql = "sex", Value = TallyDimension.Code<Domain.Sex>(), Labelled = true },
        new() { Name = Scheme, Property = nameof(Worker.Scheme), Sql = "scheme", Value = TallyDimension.Code<Domain.Scheme>(), Labelled = true },
        new() { Name = Agency, Property = nameof(Worker.AgencyName), Sql = "COALESCE(agency_name, '')" },
        new() { Name = Occupation, Property = nameof(Worker.Occupation), Sql = "occupation" },
    ];

    public static TallyDimension Of(string name) => Breakdowns.Single(d => d.Name == name);
}
