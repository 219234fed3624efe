namespace MigrantCover.Web.Data;

/// <summary>
/// The breakdowns of the dashboard. To add one, declare it here (and list it in <see cref="Breakdowns"/>)
/// and add a migration for each provider that back-fills it (<see cref="TallySql.Backfill"/>);
/// docs/admin.md says how.
/// </summary>
public static class TallyDimensions
{
    /// <summary>The row of every worker, whatever its values: the totals.</summary>
    public const string All = "all";

    public static readonly TallyDimension Destination = new() { Name = "destination", Property = nameof(Worker.DestinationCountry), Sql = "destination_country" };

    public static readonly TallyDimension Province = new() { Name = "province", Property = nameof(Worker.ProvinceCode), Sql = "province_code", NameOf = Provinces.NameOf };

    public static readonly TallyDimension Sex = new() { Name = "sex", Property = nameof(Worker.Sex), Sql = "sex", Value = TallyDimension.Code<Domain.Sex>(), Labelled = true };

    public static readonly TallyDimension Scheme = new() { Name = "scheme", Property = nameof(Worker.Scheme), Sql = "scheme", Value = TallyDimension.Code<Domain.Scheme>(), Labelled = true };

    public static readonly TallyDimension Agency = new() { Name = "agency", Property = nameof(Worker.AgencyName), Sql = "COALESCE(agency_name, '')" };

    public static readonly TallyDimension Occupation = new() { Name = "occupation", Property = nameof(Worker.Occupation), Sql = "occupation" };

    /// <summary>The office that registered the worker (docs/admin.md); "" for none.</summary>
    public static readonly TallyDimension Office = new() { Name = "office", Property = nameof(Worker.OfficeCode), Sql = "COALESCE(office_code, '')" };

    /// <summary>Every breakdown, in the order the dashboard and the report list them.</summary>
    public static readonly IReadOnlyList<TallyDimension> Breakdowns = [Destination, Province, Sex, Scheme, Agency, Occupation, Office];

    public static TallyDimension Of(string name) => Breakdowns.Single(d => d.Name == name);
}
