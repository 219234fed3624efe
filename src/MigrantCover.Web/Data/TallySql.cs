namespace MigrantCover.Web.Data;

/// <summary>
/// The SQL of the tallies, derived from <see cref="TallyDimensions.Breakdowns"/>: each dimension is one
/// <c>SELECT ... GROUP BY</c> of its expression over <c>workers</c>, valid on both providers.
/// </summary>
public static class TallySql
{
    /// <summary>The parameters of <see cref="EdgeDays"/>: the first and last registration day counted.</summary>
    public const string First = "first";

    public const string Last = "last";

    /// <summary>Every tally recomputed from the workers and payments (Tallies.RebuildAsync runs these in order).</summary>
    public static IReadOnlyList<string> Rebuild(bool postgres)
    {
        var coveredDay = DateKeys.DaySql("covered_until", postgres);
        return
        [
            "DELETE FROM worker_tallies",
            "DELETE FROM departure_tallies",
            "DELETE FROM cover_tallies",
            "DELETE FROM payment_tallies",
            WorkerColumns + "\n" + string.Join("\nUNION ALL ", WorkerSelects("", "")),
            """
            INSERT INTO departure_tallies (registered_month, departed_month, workers)
            SELECT registered_month, departed_month, count(*) FROM workers WHERE departed_month IS NOT NULL GROUP BY registered_month, departed_month
            """,
            $"""
            INSERT INTO cover_tallies (stage, cover_phase, covered_until, workers)
            SELECT stage, COALESCE(cover_phase, ''), {coveredDay}, count(*) FROM workers GROUP BY stage, COALESCE(cover_phase, ''), {coveredDay}
            """,
            """
            INSERT INTO payment_tallies (paid_month, kind, payments, amount)
            SELECT paid_month, kind, count(*), sum(amount) FROM payments GROUP BY paid_month, kind
            """,
        ];
    }

    /// <summary>
    /// A dimension added to a database that has workers already: its rows, from them. The migration that
    /// adds the dimension runs this one statement (after adding the column the dimension reads).
    /// </summary>
    public static string Backfill(TallyDimension dimension) => WorkerColumns + "\n" + Select("", dimension.Name, dimension.Sql, "");

    /// <summary>
    /// The workers registered from @first to @last (days of one month), grouped exactly as the tallies
    /// group them: rows ('w', registered_month, stage, dimension, value, workers, participants), then the
    /// departures of those workers ('d', departed_month, '', '', '', workers, 0).
    /// </summary>
    public static string EdgeDays()
    {
        var where = $" WHERE registered_on >= @{First} AND registered_on <= @{Last}";
        return string.Join("\nUNION ALL ", WorkerSelects("'w', ", where)) +
            $"\nUNION ALL SELECT 'd', departed_month, '', '', '', count(*), 0 FROM workers{where} AND departed_month IS NOT NULL GROUP BY departed_month";
    }

    private const string Counts = "count(*), count(membership_number)";

    private const string WorkerColumns = "INSERT INTO worker_tallies (registered_month, stage, dimension, value, workers, participants)";

    private static IEnumerable<string> WorkerSelects(string prefix, string where) =>
        TallyDimensions.Breakdowns.Select(d => Select(prefix, d.Name, d.Sql, where))
            .Prepend($"SELECT {prefix}registered_month, stage, '{TallyDimensions.All}', '', {Counts} FROM workers{where} GROUP BY registered_month, stage");

    private static string Select(string prefix, string name, string sql, string where) =>
        $"SELECT {prefix}registered_month, stage, '{name}', {sql}, {Counts} FROM workers{where} GROUP BY registered_month, stage, {sql}";
}
