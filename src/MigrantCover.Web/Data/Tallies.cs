using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MigrantCover.Domain;
using MigrantCover.Web.Data.Entities;

namespace MigrantCover.Web.Data;

/// <summary>
/// The tally tables behind the admin dashboard (docs/decisions/0006-tallies.md): exact counts per
/// registration month (workers, departures) and payment month (payments), changed by AppDbContext in the
/// same transaction as the rows they count, so they are never stale. <see cref="Of"/> says what one
/// worker adds to them; <see cref="RebuildAsync"/> recomputes them from scratch (the repair procedure,
/// and the step after a bulk load that bypasses SaveChanges).
/// </summary>
public static class Tallies
{
    // Upserts per statement: far below both providers' parameter limits.
    private const int RowsPerStatement = 200;

    /// <summary>What a worker counts in the tallies: its dimension values, as stored (sentinel '' for no agency).</summary>
    public readonly record struct WorkerFacts(
        int RegisteredMonth,
        Stage Stage,
        string DestinationCountry,
        string ProvinceCode,
        Sex Sex,
        Scheme Scheme,
        string? AgencyName,
        string Occupation,
        int? DepartedMonth,
        bool Participant,
        CoverPhase? CoverPhase,
        DateOnly? CoveredUntil);

    public readonly record struct WorkerKey(int RegisteredMonth, Stage Stage, string Dimension, string Value);

    public readonly record struct PaymentKey(int PaidMonth, PaymentKind Kind);

    /// <summary>The worker tally rows one worker adds 1 to (and 1 participant if it has a membership number).</summary>
    public static IEnumerable<(WorkerKey Key, long Workers, long Participants)> Of(WorkerFacts f)
    {
        const long workers = 1;
        var participants = f.Participant ? 1L : 0L;
        (WorkerKey, long, long) Row(string dimension, string value) => (new WorkerKey(f.RegisteredMonth, f.Stage, dimension, value), workers, participants);
        yield return Row(TallyDimensions.All, "");
        yield return Row(TallyDimensions.Destination, f.DestinationCountry);
        yield return Row(TallyDimensions.Province, f.ProvinceCode);
        yield return Row(TallyDimensions.Sex, Codes.Of(f.Sex));
        yield return Row(TallyDimensions.Scheme, Codes.Of(f.Scheme));
        yield return Row(TallyDimensions.Agency, f.AgencyName ?? "");
        yield return Row(TallyDimensions.Occupation, f.Occupation);
    }

    /// <summary>
    /// The changes to the tallies that saving the tracked entities will make: +1 on a new worker's keys,
    /// −1/+1 where an update moved a worker between keys (from the original values), −1 for a deletion;
    /// the same for payments with their amount. Call after the derived columns are stamped.
    /// </summary>
    public static Deltas Collect(ChangeTracker tracker)
    {
        var deltas = new Deltas();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Worker w:
                    var (old, now) = entry.State switch
                    {
                        EntityState.Added => ((WorkerFacts?)null, (WorkerFacts?)FactsOf(w)),
                        EntityState.Modified => (FactsOf(entry.OriginalValues), FactsOf(w)),
                        EntityState.Deleted => (FactsOf(entry.OriginalValues), null),
                        _ => (null, null),
                    };
                    if (old != now)
                    {
                        deltas.AddWorker(old, -1);
                        deltas.AddWorker(now, +1);
                    }

                    break;
                case Payment p:
                    var (was, @is) = entry.State switch
                    {
                        EntityState.Added => (((PaymentKey, long)?)null, ((PaymentKey, long)?)(new PaymentKey(p.PaidMonth, p.Kind), p.Amount)),
                        EntityState.Modified => ((new PaymentKey(entry.OriginalValues.GetValue<int>(nameof(Payment.PaidMonth)), entry.OriginalValues.GetValue<PaymentKind>(nameof(Payment.Kind))), entry.OriginalValues.GetValue<long>(nameof(Payment.Amount))), (new PaymentKey(p.PaidMonth, p.Kind), p.Amount)),
                        EntityState.Deleted => ((new PaymentKey(entry.OriginalValues.GetValue<int>(nameof(Payment.PaidMonth)), entry.OriginalValues.GetValue<PaymentKind>(nameof(Payment.Kind))), entry.OriginalValues.GetValue<long>(nameof(Payment.Amount))), null),
                        _ => (null, null),
                    };
                    if (was != @is)
                    {
                        deltas.AddPayment(was, -1);
                        deltas.AddPayment(@is, +1);
                    }

                    break;
            }
        }

        return deltas;
    }

    private static WorkerFacts FactsOf(Worker w) => new(
        w.RegisteredMonth, w.Stage, w.DestinationCountry, w.ProvinceCode, w.Sex, w.Scheme, w.AgencyName, w.Occupation, w.DepartedMonth, w.MembershipNumber is not null, w.CoverPhase, w.CoveredUntil);

    private static WorkerFacts FactsOf(PropertyValues v) => new(
        v.GetValue<int>(nameof(Worker.RegisteredMonth)),
        v.GetValue<Stage>(nameof(Worker.Stage)),
        v.GetValue<string>(nameof(Worker.DestinationCountry)),
        v.GetValue<string>(nameof(Worker.ProvinceCode)),
        v.GetValue<Sex>(nameof(Worker.Sex)),
        v.GetValue<Scheme>(nameof(Worker.Scheme)),
        v.GetValue<string?>(nameof(Worker.AgencyName)),
        v.GetValue<string>(nameof(Worker.Occupation)),
        v.GetValue<int?>(nameof(Worker.DepartedMonth)),
        v.GetValue<string?>(nameof(Worker.MembershipNumber)) is not null,
        v.GetValue<CoverPhase?>(nameof(Worker.CoverPhase)),
        v.GetValue<DateOnly?>(nameof(Worker.CoveredUntil)));

    /// <summary>The cover tally key of a worker: phase code ('' for none) and yyyymmdd of the cover end (0 for none).</summary>
    public static (Stage Stage, string CoverPhase, int CoveredUntil) CoverKeyOf(Stage stage, CoverPhase? phase, DateOnly? coveredUntil) =>
        (stage, phase is { } p ? Codes.Of(p) : "", DayOf(coveredUntil));

    /// <summary>yyyymmdd of a date, 0 for none: the day key of the cover tally.</summary>
    public static int DayOf(DateOnly? day) => day is { } d ? (d.Year * 10_000) + (d.Month * 100) + d.Day : 0;

    /// <summary>
    /// Applies the deltas with atomic upserts (INSERT ... ON CONFLICT DO UPDATE, both providers) on the
    /// context's current transaction. Rows are locked in one fixed order (table, then key), so that two
    /// concurrent writers wait for each other instead of deadlocking.
    /// </summary>
    public static void Apply(AppDbContext db, Deltas deltas)
    {
        foreach (var (sql, args) in deltas.Statements())
        {
            db.Database.ExecuteSqlRaw(sql, args);
        }
    }

    /// <inheritdoc cref="Apply"/>
    public static async Task ApplyAsync(AppDbContext db, Deltas deltas, CancellationToken ct)
    {
        foreach (var (sql, args) in deltas.Statements())
        {
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }
    }

    /// <summary>
    /// Recomputes every tally from the workers and payments, in one transaction. On PostgreSQL the tally
    /// tables are locked first (EXCLUSIVE: reads go on, writers wait), so that it is exact even while
    /// officers keep working; SQLite has one writer anyway.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null;
        var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE worker_tallies, departure_tallies, cover_tallies, payment_tallies IN EXCLUSIVE MODE", ct);
            }

            var day = db.Database.IsNpgsql() ? PostgresCoveredDay : SqliteCoveredDay;
            foreach (var sql in RebuildSql)
            {
                await db.Database.ExecuteSqlRawAsync(sql.Replace("{CoveredDay}", day, StringComparison.Ordinal), ct);
            }

            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            if (tx is not null)
            {
                await tx.DisposeAsync();
            }
        }
    }

    /// <summary>yyyymmdd of workers.covered_until, 0 for none (dates are text on SQLite).</summary>
    public const string SqliteCoveredDay = "COALESCE(CAST(replace(covered_until, '-', '') AS INTEGER), 0)";

    public const string PostgresCoveredDay = "COALESCE(CAST(to_char(covered_until, 'YYYYMMDD') AS integer), 0)";

    /// <summary>
    /// The rebuild, as plain SQL valid on both providers but for {CoveredDay} (the migration Tallies runs
    /// the same backfill).
    /// </summary>
    public static readonly IReadOnlyList<string> RebuildSql =
    [
        "DELETE FROM worker_tallies",
        "DELETE FROM departure_tallies",
        "DELETE FROM cover_tallies",
        "DELETE FROM payment_tallies",
        """
        INSERT INTO worker_tallies (registered_month, stage, dimension, value, workers, participants)
        SELECT registered_month, stage, 'all', '', count(*), count(membership_number) FROM workers GROUP BY registered_month, stage
        UNION ALL SELECT registered_month, stage, 'destination', destination_country, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, destination_country
        UNION ALL SELECT registered_month, stage, 'province', province_code, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, province_code
        UNION ALL SELECT registered_month, stage, 'sex', sex, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, sex
        UNION ALL SELECT registered_month, stage, 'scheme', scheme, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, scheme
        UNION ALL SELECT registered_month, stage, 'agency', COALESCE(agency_name, ''), count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, COALESCE(agency_name, '')
        UNION ALL SELECT registered_month, stage, 'occupation', occupation, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, occupation
        """,
        """
        INSERT INTO departure_tallies (registered_month, departed_month, workers)
        SELECT registered_month, departed_month, count(*) FROM workers WHERE departed_month IS NOT NULL GROUP BY registered_month, departed_month
        """,
        """
        INSERT INTO cover_tallies (stage, cover_phase, covered_until, workers)
        SELECT stage, COALESCE(cover_phase, ''), {CoveredDay}, count(*) FROM workers GROUP BY stage, COALESCE(cover_phase, ''), {CoveredDay}
        """,
        """
        INSERT INTO payment_tallies (paid_month, kind, payments, amount)
        SELECT paid_month, kind, count(*), sum(amount) FROM payments GROUP BY paid_month, kind
        """,
    ];

    /// <summary>Pending changes to the tallies, summed per key (a key appears once per upsert statement).</summary>
    public sealed class Deltas
    {
        private readonly Dictionary<WorkerKey, (long Workers, long Participants)> _workers = [];
        private readonly Dictionary<(int RegisteredMonth, int DepartedMonth), long> _departures = [];
        private readonly Dictionary<(Stage Stage, string CoverPhase, int CoveredUntil), long> _covers = [];
        private readonly Dictionary<PaymentKey, (long Payments, long Amount)> _payments = [];

        public bool IsEmpty => !_workers.Values.Any(v => v != default) && !_departures.Values.Any(v => v != 0)
            && !_covers.Values.Any(v => v != 0) && !_payments.Values.Any(v => v != default);

        public IReadOnlyDictionary<WorkerKey, (long Workers, long Participants)> Workers => _workers;

        internal void AddWorker(WorkerFacts? facts, int sign)
        {
            if (facts is not { } f)
            {
                return;
            }

            foreach (var (key, workers, participants) in Of(f))
            {
                var (w, p) = _workers.GetValueOrDefault(key);
                _workers[key] = (w + (sign * workers), p + (sign * participants));
            }

            if (f.DepartedMonth is { } departed)
            {
                var key = (f.RegisteredMonth, departed);
                _departures[key] = _departures.GetValueOrDefault(key) + sign;
            }

            var cover = CoverKeyOf(f.Stage, f.CoverPhase, f.CoveredUntil);
            _covers[cover] = _covers.GetValueOrDefault(cover) + sign;
        }

        internal void AddPayment((PaymentKey Key, long Amount)? payment, int sign)
        {
            if (payment is not { } p)
            {
                return;
            }

            var (n, amount) = _payments.GetValueOrDefault(p.Key);
            _payments[p.Key] = (n + sign, amount + (sign * p.Amount));
        }

        internal IEnumerable<(string Sql, object[] Args)> Statements()
        {
            var workers = _workers.Where(d => d.Value != default)
                .OrderBy(d => d.Key.RegisteredMonth).ThenBy(d => Codes.Of(d.Key.Stage), StringComparer.Ordinal)
                .ThenBy(d => d.Key.Dimension, StringComparer.Ordinal).ThenBy(d => d.Key.Value, StringComparer.Ordinal)
                .Select(d => new object[] { d.Key.RegisteredMonth, Codes.Of(d.Key.Stage), d.Key.Dimension, d.Key.Value, d.Value.Workers, d.Value.Participants });
            var departures = _departures.Where(d => d.Value != 0)
                .OrderBy(d => d.Key.RegisteredMonth).ThenBy(d => d.Key.DepartedMonth)
                .Select(d => new object[] { d.Key.RegisteredMonth, d.Key.DepartedMonth, d.Value });
            var covers = _covers.Where(d => d.Value != 0)
                .OrderBy(d => Codes.Of(d.Key.Stage), StringComparer.Ordinal).ThenBy(d => d.Key.CoverPhase, StringComparer.Ordinal).ThenBy(d => d.Key.CoveredUntil)
                .Select(d => new object[] { Codes.Of(d.Key.Stage), d.Key.CoverPhase, d.Key.CoveredUntil, d.Value });
            var payments = _payments.Where(d => d.Value != default)
                .OrderBy(d => d.Key.PaidMonth).ThenBy(d => Codes.Of(d.Key.Kind), StringComparer.Ordinal)
                .Select(d => new object[] { d.Key.PaidMonth, Codes.Of(d.Key.Kind), d.Value.Payments, d.Value.Amount });
            return Upserts("worker_tallies", ["registered_month", "stage", "dimension", "value"], ["workers", "participants"], workers)
                .Concat(Upserts("departure_tallies", ["registered_month", "departed_month"], ["workers"], departures))
                .Concat(Upserts("cover_tallies", ["stage", "cover_phase", "covered_until"], ["workers"], covers))
                .Concat(Upserts("payment_tallies", ["paid_month", "kind"], ["payments", "amount"], payments));
        }

        private static IEnumerable<(string Sql, object[] Args)> Upserts(string table, string[] keys, string[] measures, IEnumerable<object[]> rows)
        {
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", keys.Concat(measures))}) VALUES ");
                var args = new List<object>();
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < chunk[r].Length; c++)
                    {
                        sql.Append(c == 0 ? "" : ", ").Append('{').Append(args.Count).Append('}');
                        args.Add(chunk[r][c]);
                    }

                    sql.Append(')');
                }

                sql.Append($" ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET ")
                    .Append(string.Join(", ", measures.Select(m => $"{m} = {table}.{m} + excluded.{m}")));
                yield return (sql.ToString(), [.. args]);
            }
        }
    }
}
