using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>What the lookup's one read found: an active lock, or the worker when the second factor matched.</summary>
public sealed record LookupRead(DateTimeOffset? LockedUntil, Worker? Worker, LookupKey? OtherIdentifier);

/// <summary>The failure counter of the typed identifier after a miss was counted.</summary>
public readonly record struct CountedFailure(int Failures, DateTimeOffset? LockedUntil);

/// <summary>
/// The lookup's hand-written statements, the same on SQLite and PostgreSQL but for how a timestamp is
/// stored (SQLite keeps UTC ticks, see <see cref="SqliteAppDbContext"/>): one read of the lock and the
/// worker's answer columns only, and one atomic upsert of the failure counters
/// (<c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING</c>, which both providers support).
/// </summary>
public sealed class LookupSql
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    // The columns the answer needs (CoverageAnswers.Of, WorkerCoverage.HistoryOf), never the 41 of a worker.
    private const string WorkerColumns =
        "w.id, w.nik, w.membership_number, w.full_name, w.stage, w.scheme, w.contract_months, w.destination_country, " +
        "w.departed_on, w.arrived_on, w.failed_departure_on, w.died_on";

    private readonly AppDbContext _db;
    private readonly bool _sqlite;

    private LookupSql(AppDbContext db)
    {
        _db = db;
        _sqlite = db is SqliteAppDbContext;
    }

    public static LookupSql For(AppDbContext db) => new(db);

    /// <summary>
    /// The lock of <paramref name="identifierHash"/> when active (then no worker is read), else the worker
    /// whose identifier it is, with whether the second factor matched, and its payments when it did.
    /// </summary>
    public async Task<LookupRead> ReadAsync(LookupKey key, DateOnly dateOfBirth, string identifierHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byNik = key.Kind == LookupKey.NikKind;
        var match = byNik ? "w.date_of_birth = @dob AND w.family_card_number = @kk" : "w.date_of_birth = @dob";
        var sql = $"""
            SELECT l.locked_until, {WorkerColumns}, CASE WHEN {match} THEN 1 ELSE 0 END AS matched,
                   p.kind, p.paid_on, p.months, p.amount
            FROM (SELECT 1 AS one) AS x
            LEFT JOIN lookup_locks AS l ON l.identifier_hash = @hash AND l.locked_until > @now
            LEFT JOIN workers AS w ON l.identifier_hash IS NULL AND w.{(byNik ? "nik" : "membership_number")} = @value
            LEFT JOIN payments AS p ON p.worker_id = w.id AND {match}
            """;
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@hash", identifierHash);
            Add(command, "@now", Time(now));
            Add(command, "@value", key.Value);
            Add(command, "@dob", Date(dateOfBirth));
            if (byNik)
            {
                Add(command, "@kk", key.FamilyCardNumber ?? "");
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            Worker? worker = null;
            LookupKey? other = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    return new LookupRead(TimeOf(reader, 0), null, null);
                }

                if (reader.IsDBNull(1))
                {
                    break;
                }

                if (reader.GetInt32(13) == 0)
                {
                    // A known identifier whose second factor did not match: the worker's other identifier,
                    // so that the failure counts on both.
                    other = byNik
                        ? reader.IsDBNull(3) ? null : new LookupKey(LookupKey.Kpj, reader.GetString(3))
                        : new LookupKey(LookupKey.NikKind, reader.GetString(2));
                    break;
                }

                worker ??= new Worker
                {
                    Id = GuidOf(reader.GetValue(1)),
                    Nik = reader.GetString(2),
                    MembershipNumber = reader.IsDBNull(3) ? null : reader.GetString(3),
                    FullName = reader.GetString(4),
                    Stage = Code<Stage>(reader.GetString(5)),
                    Scheme = Code<Scheme>(reader.GetString(6)),
                    ContractMonths = reader.GetInt32(7),
                    DestinationCountry = reader.GetString(8),
                    DepartedOn = DateOf(reader, 9),
                    ArrivedOn = DateOf(reader, 10),
                    FailedDepartureOn = DateOf(reader, 11),
                    DiedOn = DateOf(reader, 12),
                };
                if (!reader.IsDBNull(14))
                {
                    worker.Payments.Add(new Payment
                    {
                        WorkerId = worker.Id,
                        Kind = Code<PaymentKind>(reader.GetString(14)),
                        PaidOn = DateOf(reader, 15)!.Value,
                        Months = reader.IsDBNull(16) ? null : reader.GetInt32(16),
                        Amount = reader.GetInt64(17),
                    });
                }
            }

            return new LookupRead(null, worker, other);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Counts one failure on each of <paramref name="hashes"/> in one statement and returns the counter of
    /// <paramref name="typedHash"/>. A counter whose window passed, or whose lock ran out, starts again at
    /// one; an active lock is never cleared, only counted on; the counter that reaches
    /// <paramref name="allowed"/> locks until <paramref name="now"/> + <paramref name="window"/>.
    /// </summary>
    public async Task<CountedFailure> CountFailureAsync(IReadOnlyList<string> hashes, string typedHash, DateTimeOffset now, TimeSpan window, int allowed, CancellationToken cancellationToken)
    {
        // Rows in one order whichever identifier was typed: two statements never wait on each other in turn.
        var ordered = hashes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var values = string.Join(", ", ordered.Select((_, i) => $"(@h{i}, 1, @now, @first)"));
        const string Locked = "lookup_locks.locked_until > @now";
        const string Fresh = "lookup_locks.locked_until IS NOT NULL OR lookup_locks.window_started_at <= @window_start";
        var sql = $"""
            INSERT INTO lookup_locks (identifier_hash, failures, window_started_at, locked_until) VALUES {values}
            ON CONFLICT (identifier_hash) DO UPDATE SET
              failures = CASE WHEN {Locked} THEN lookup_locks.failures + 1 WHEN {Fresh} THEN 1 ELSE lookup_locks.failures + 1 END,
              window_started_at = CASE WHEN {Locked} THEN lookup_locks.window_started_at WHEN {Fresh} THEN @now ELSE lookup_locks.window_started_at END,
              locked_until = CASE WHEN {Locked} THEN lookup_locks.locked_until WHEN {Fresh} THEN @first
                                  WHEN lookup_locks.failures + 1 >= @allowed THEN @until ELSE NULL END
            RETURNING identifier_hash, failures, locked_until
            """;
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < ordered.Count; i++)
            {
                Add(command, $"@h{i}", ordered[i]);
            }

            Add(command, "@now", Time(now));
            Add(command, "@window_start", Time(now - window));
            Add(command, "@until", Time(now + window));
            Add(command, "@first", allowed <= 1 ? Time(now + window) : null);
            Add(command, "@allowed", allowed);
            var counted = new CountedFailure(0, null);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(0) == typedHash)
                {
                    counted = new CountedFailure(reader.GetInt32(1), reader.IsDBNull(2) ? null : TimeOf(reader, 2));
                }
            }

            return counted;
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _db.Database.OpenConnectionAsync(cancellationToken);
        return _db.Database.GetDbConnection();
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            // A typed null: PostgreSQL must know the column's type of an untyped parameter.
            parameter.DbType = System.Data.DbType.DateTimeOffset;
        }

        command.Parameters.Add(parameter);
    }

    private object Time(DateTimeOffset value) => _sqlite ? SqliteTime.ConvertToProvider(value)! : value;

    private object Date(DateOnly value) => _sqlite ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;

    private DateTimeOffset TimeOf(DbDataReader reader, int ordinal) =>
        _sqlite ? (DateTimeOffset)SqliteTime.ConvertFromProvider(reader.GetInt64(ordinal))! : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private DateOnly? DateOf(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : _sqlite ? DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(ordinal);

    private static Guid GuidOf(object value) => value is Guid g ? g : Guid.Parse((string)value, CultureInfo.InvariantCulture);

    private static T Code<T>(string code)
        where T : struct, Enum =>
        Codes.TryParse<T>(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} code in the database.");
}
