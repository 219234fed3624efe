using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrantCover.Web.Data.Sql;

/// <summary>
/// The views the tallies are read from (decision 0012): each sums the shards of its table per key, so
/// that every reader (the dashboard, the report, the tests' comparison with plain SQL) sees one row per
/// key, exactly as before the tables were sharded. Same SQL on both providers. A migration that rebuilds a
/// tally table (SQLite rebuilds a table to change its key) drops the views first and creates them after.
/// </summary>
public static class TallyViews
{
    public const string Workers = "worker_tally_totals";
    public const string Departures = "departure_tally_totals";
    public const string Covers = "cover_tally_totals";
    public const string Payments = "payment_tally_totals";

    private static readonly (string View, string Table, string Keys, string[] Measures)[] All =
    [
        (Workers, "worker_tallies", "registered_month, stage, dimension, value", ["workers", "participants"]),
        (Departures, "departure_tallies", "registered_month, departed_month", ["workers"]),
        (Covers, "cover_tallies", "stage, cover_phase, covered_until", ["workers"]),
        (Payments, "payment_tallies", "paid_month, kind", ["payments", "amount"]),
    ];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        foreach (var (view, table, keys, measures) in All)
        {
            var sums = string.Join(", ", measures.Select(m => $"CAST(sum({m}) AS bigint) AS {m}"));
            migrationBuilder.Sql($"CREATE VIEW {view} AS SELECT {keys}, {sums} FROM {table} GROUP BY {keys}");
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var (view, _, _, _) in All)
        {
            migrationBuilder.Sql($"DROP VIEW IF EXISTS {view}");
        }
    }
}
