using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MigrantCover.Web.Data;

/// <summary>
/// The tally tables behind the admin dashboard (docs/decisions/0006-tallies.md): exact counts per
/// registration month (workers, departures) and payment month (payments), changed by AppDbContext in the
/// same transaction as the rows they count, so they are never stale. <see cref="Of"/> says what one
/// worker adds to them (one row per <see cref="TallyDimensions.Breakdowns"/>); <see cref="RebuildAsync"/>
/// recomputes them from scratch (the repair procedure, and the step after a bulk load that bypasses
/// SaveChanges).
/// </summary>
public static class Tallies
{
    // Upserts per statement: far below both providers' parameter limits.
    private const int RowsPerStatement = 200;

    // Parameters per command of several upserts (one round trip for a usual save).
    private const int ArgsPerCommand = 2_000;

    /// <summary>
    /// The shards of each tally key on PostgreSQL (decision 0012): every save adds its deltas to the rows of
    /// one shard (column <c>shard</c>), picked per context, so concurrent writers of the same month and value
    /// rarely wait on the same row; the views <c>*_tally_totals</c> (what <see cref="AppDbContext.WorkerTallies"/>
    /// and the others read) sum the shards. SQLite has one writer at a time and uses shard 0 only.
    /// </summary>
    public const int Shards = 16;

    /// <summary>A shard for a new context's saves.</summary>
    public static int PickShard() => Random.Shared.Next(Shards);

    /// <summary>What a worker counts in the tallies: its value of each breakdown (as stored), its stage, months and cover.</summary>
    public sealed record WorkerFacts(
        int RegisteredMonth,
        Stage Stage,
        IReadOnlyList<string> Values,
        int? DepartedMonth,
        bool Participant,
        CoverPhase? CoverPhase,
        DateOnly? CoveredUntil);

    public readonly record struct WorkerKey(int RegisteredMonth, Stage Stage, string Dimension, string Value);

    public readonly record struct PaymentKey(int PaidMonth, PaymentKind Kind);

    /// <summary>The worker tally rows one worker adds 1 to (and 1 participant if it has a membership number).</summary>
    public static IEnumerable<(WorkerKey Key, long Workers, long Participants)> Of(WorkerFacts f)
    {
        var participants = f.Participant ? 1L : 0L;
        yield return (new WorkerKey(f.RegisteredMonth, f.Stage, TallyDimensions.All, ""), 1, participants);
        for (var i = 0; i < TallyDimensions.Breakdowns.Count; i++)
        {
            yield return (new WorkerKey(f.RegisteredMonth, f.Stage, TallyDimensions.Breakdowns[i].Name, f.Values[i]), 1, participants);
        }
    }

    /// <summary>What a worker counts, from its values in the change tracker (current or original).</summary>
    public static WorkerFacts FactsOf(PropertyValues v) => new(
        v.GetValue<int>(nameof(Worker.RegisteredMonth)),
        v.GetValue<Stage>(nameof(Worker.Stage)),
        [.. TallyDimensions.Breakdowns.Select(d => d.Value(v[d.Property]))],
        v.GetValue<int?>(nameof(Worker.DepartedMonth)),
        v.GetValue<string?>(nameof(Worker.MembershipNumber)) is not null,
        v.GetValue<CoverPhase?>(nameof(Worker.CoverPhase)),
        v.GetValue<DateOnly?>(nameof(Worker.CoveredUntil)));

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
            var (was, now) = entry.State switch
            {
                EntityState.Added => ((PropertyValues?)null, entry.CurrentValues),
                EntityState.Modified => (entry.OriginalValues, entry.CurrentValues),
                EntityState.Deleted => (entry.OriginalValues, null),
                _ => (null, null),
            };
            switch (entry.Entity)
            {
                case Worker:
                    deltas.AddWorker(was is null ? null : FactsOf(was), -1);
                    deltas.AddWorker(now is null ? null : FactsOf(now), +1);
                    break;
                case Payment:
                    deltas.AddPayment(was is null ? null : PaymentOf(was), -1);
                    deltas.AddPayment(now is null ? null : PaymentOf(now), +1);
                    break;
            }
        }

        return deltas;
    }

    /// <summary>
    /// Applies the deltas to the rows of <paramref name="shard"/> (0 on SQLite) with atomic upserts
    /// (INSERT ... ON CONFLICT DO UPDATE, both providers) on the context's current transaction, all in one
    /// command for a usual save. Rows are locked in one fixed order (table, then key), so that two
    /// concurrent writers of the same shard wait for each other instead of deadlocking.
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, Deltas deltas, int shard, CancellationToken ct)
    {
        foreach (var (sql, args) in deltas.Commands(db.Database.IsNpgsql() ? shard : 0))
        {
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        }
    }

    /// <inheritdoc cref="ApplyAsync(AppDbContext, Deltas, int, CancellationToken)"/>
    public static Task ApplyAsync(AppDbContext db, Deltas deltas, CancellationToken ct) => ApplyAsync(db, deltas, 0, ct);

    /// <summary>
    /// Recomputes every tally from the workers and payments (<see cref="TallySql.Rebuild"/>), in one
    /// transaction. On PostgreSQL the tally tables are locked first (EXCLUSIVE: reads go on, writers wait),
    /// so that it is exact even while officers keep working; SQLite has one writer anyway.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null;
        var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var postgres = db.Database.IsNpgsql();
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE worker_tallies, departure_tallies, cover_tallies, payment_tallies IN EXCLUSIVE MODE", ct);
            }

            foreach (var sql in TallySql.Rebuild(postgres))
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct);
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

    /// <summary>
    /// The worker and departure rows of the workers registered from <paramref name="first"/> to
    /// <paramref name="last"/> (days of one month), counted by the database as the tallies count them
    /// (<see cref="TallySql.EdgeDays"/>; on PostgreSQL an index-only range scan).
    /// </summary>
    public static async Task<(List<WorkerTally> Workers, List<DepartureTally> Departures)> EdgeDaysAsync(AppDbContext db, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var workers = new List<WorkerTally>();
        var departures = new List<DepartureTally>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = TallySql.EdgeDays();
            foreach (var (name, value) in new[] { (TallySql.First, first), (TallySql.Last, last) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                long Number(int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);
                if (reader.GetString(0) == "d")
                {
                    departures.Add(new DepartureTally(0, (int)Number(1), Number(5)));
                }
                else
                {
                    var stage = Codes.TryParse<Stage>(reader.GetString(2), out var st) ? st : throw new InvalidOperationException("Unknown stage code in the database.");
                    workers.Add(new WorkerTally((int)Number(1), stage, reader.GetString(3), reader.GetString(4), Number(5), Number(6)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return (workers, departures);
    }

    private static (PaymentKey Key, long Amount) PaymentOf(PropertyValues v) =>
        (new PaymentKey(v.GetValue<int>(nameof(Payment.PaidMonth)), v.GetValue<PaymentKind>(nameof(Payment.Kind))), v.GetValue<long>(nameof(Payment.Amount)));

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

            var cover = (f.Stage, f.CoverPhase is { } phase ? Codes.Of(phase) : "", DateKeys.Day(f.CoveredUntil));
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

        /// <summary>The upserts of <see cref="Statements"/>, several per command up to a bounded number of parameters.</summary>
        internal IEnumerable<(string Sql, object[] Args)> Commands(int shard)
        {
            var sql = new StringBuilder();
            var args = new List<object>();
            foreach (var (statement, statementArgs) in Statements(shard))
            {
                if (args.Count > 0 && args.Count + statementArgs.Length > ArgsPerCommand)
                {
                    yield return (sql.ToString(), [.. args]);
                    sql.Clear();
                    args.Clear();
                }

                // Renumber the statement's placeholders after those already in the command.
                var offset = args.Count;
                sql.Append(offset == 0 ? "" : ";\n").Append(offset == 0 ? statement : Renumber(statement, offset));
                args.AddRange(statementArgs);
            }

            if (sql.Length > 0)
            {
                yield return (sql.ToString(), [.. args]);
            }
        }

        internal IEnumerable<(string Sql, object[] Args)> Statements(int shard)
        {
            var workers = _workers.Where(d => d.Value != default)
                .OrderBy(d => d.Key.RegisteredMonth).ThenBy(d => Codes.Of(d.Key.Stage), StringComparer.Ordinal)
                .ThenBy(d => d.Key.Dimension, StringComparer.Ordinal).ThenBy(d => d.Key.Value, StringComparer.Ordinal)
                .Select(d => new object[] { d.Key.RegisteredMonth, Codes.Of(d.Key.Stage), d.Key.Dimension, d.Key.Value, shard, d.Value.Workers, d.Value.Participants });
            var departures = _departures.Where(d => d.Value != 0)
                .OrderBy(d => d.Key.RegisteredMonth).ThenBy(d => d.Key.DepartedMonth)
                .Select(d => new object[] { d.Key.RegisteredMonth, d.Key.DepartedMonth, shard, d.Value });
            var covers = _covers.Where(d => d.Value != 0)
                .OrderBy(d => Codes.Of(d.Key.Stage), StringComparer.Ordinal).ThenBy(d => d.Key.CoverPhase, StringComparer.Ordinal).ThenBy(d => d.Key.CoveredUntil)
                .Select(d => new object[] { Codes.Of(d.Key.Stage), d.Key.CoverPhase, d.Key.CoveredUntil, shard, d.Value });
            var payments = _payments.Where(d => d.Value != default)
                .OrderBy(d => d.Key.PaidMonth).ThenBy(d => Codes.Of(d.Key.Kind), StringComparer.Ordinal)
                .Select(d => new object[] { d.Key.PaidMonth, Codes.Of(d.Key.Kind), shard, d.Value.Payments, d.Value.Amount });
            return Upserts("worker_tallies", ["registered_month", "stage", "dimension", "value", "shard"], ["workers", "participants"], workers)
                .Concat(Upserts("departure_tallies", ["registered_month", "departed_month", "shard"], ["workers"], departures))
                .Concat(Upserts("cover_tallies", ["stage", "cover_phase", "covered_until", "shard"], ["workers"], covers))
                .Concat(Upserts("payment_tallies", ["paid_month", "kind", "shard"], ["payments", "amount"], payments));
        }

        private static string Renumber(string statement, int offset) =>
            System.Text.RegularExpressions.Regex.Replace(statement, @"\{(\d+)\}", m => "{" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture) + "}");

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
