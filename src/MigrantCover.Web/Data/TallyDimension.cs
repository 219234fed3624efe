namespace MigrantCover.Web.Data;

/// <summary>
/// One breakdown of the dashboard, declared once (<see cref="TallyDimensions.Breakdowns"/>): everything
/// else is derived from it: what a worker adds to the tallies (from its current or original values),
/// the rebuild and the edge-day SQL, the PostgreSQL index that covers those days, the report's list
/// <c>by{Name}</c> of the API, the dashboard table and its CSV export.
/// </summary>
public sealed class TallyDimension
{
    /// <summary>The dimension's name in <c>worker_tallies.dimension</c>, camelCase ("destination").</summary>
    public required string Name { get; init; }

    /// <summary>The property of <see cref="Worker"/> it counts by.</summary>
    public required string Property { get; init; }

    /// <summary>The same value as a SQL expression over <c>workers</c> (never null: '' for none).</summary>
    public required string Sql { get; init; }

    /// <summary>The stored value of the property's value (a code for enumerations, '' for none).</summary>
    public Func<object?, string> Value { get; init; } = v => v as string ?? "";

    /// <summary>A name shown beside each code (provinces), or none.</summary>
    public Func<string, string?>? NameOf { get; init; }

    /// <summary>Codes shown with their label (resource <c>{Name}_{code}</c> of the admin texts).</summary>
    public bool Labelled { get; init; }

    /// <summary>The report's key of the dimension's list: "byDestination".</summary>
    public string ReportKey => "by" + char.ToUpperInvariant(Name[0]) + Name[1..];

    public static Func<object?, string> Code<T>()
        where T : struct, Enum => v => Codes.Of((T)v!);
}
