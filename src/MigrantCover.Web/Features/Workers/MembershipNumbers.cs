using System.Collections.Concurrent;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// Issues membership numbers (R-KPJ-1: YY + 8-digit sequence + Luhn), without a row that first payments
/// queue on (docs/decisions/0012-membership-numbers-and-tally-shards.md).
/// <list type="bullet">
/// <item>PostgreSQL: one database sequence per year (<c>membership_number_2026</c>), created on demand and
/// idempotently by <see cref="PrepareAsync"/> (before the payment's transaction; it starts after the year's
/// <c>membership_counters</c> row and after every number of that year already held by a worker).
/// <c>nextval</c> takes no lock that lasts, so concurrent first payments never wait on each other; a
/// number taken by a transaction that then rolls back is not reused (a gap, docs/rules.md).</item>
/// <item>SQLite: the per-year counter row, bumped by one atomic upsert inside the caller's transaction
/// (SQLite has one writer at a time anyway): it rolls back with it, so there are no gaps.</item>
/// </list>
/// </summary>
public static class MembershipNumbers
{
    /// <summary>The highest sequence of a year (8 digits).</summary>
    public const long MaxSequence = 99_999_999;

    // Years whose sequence this process has seen exist, per database.
    private static readonly ConcurrentDictionary<(string Database, int Year), bool> Prepared = new();

    /// <summary>The sequence of a year on PostgreSQL.</summary>
    public static string SequenceName(int year) => "membership_number_" + year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// Makes sure the year's sequence exists (PostgreSQL; nothing to do on SQLite). Call outside a
    /// transaction, before the one that issues the number: creating it is its own short statement,
    /// serialised by an advisory lock, and a no-op when it exists.
    /// </summary>
    public static async Task PrepareAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var key = (db.Database.GetDbConnection().Database, year);
        if (Prepared.ContainsKey(key))
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(CreateSequenceSql(year), ct);
        if (db.Database.CurrentTransaction is null)
        {
            // Inside a transaction the sequence exists only once it commits.
            Prepared[key] = true;
        }
    }

    /// <summary>The next number of <paramref name="year"/>, in the caller's transaction (after <see cref="PrepareAsync"/> on PostgreSQL).</summary>
    public static async Task<string> IssueAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await PrepareAsync(db, year, ct);
            // The sequence's name is made of a year number, never of input text.
#pragma warning disable EF1003
            var next = (await db.Database.SqlQueryRaw<long>("SELECT nextval('" + SequenceName(year) + "') AS \"Value\"").ToListAsync(ct)).Single();
#pragma warning restore EF1003
            return MembershipNumber.Issue(year, next);
        }

        var sequence = (await db.Database.SqlQuery<long>(
                $"""
                INSERT INTO membership_counters (year, last_sequence) VALUES ({year}, 1)
                ON CONFLICT (year) DO UPDATE SET last_sequence = membership_counters.last_sequence + 1
                RETURNING last_sequence AS "Value"
                """)
            .ToListAsync(ct))
            .Single();
        return MembershipNumber.Issue(year, sequence);
    }

    /// <summary>Forgets which sequences exist (after a test or a bulk load dropped them).</summary>
    public static void Forget() => Prepared.Clear();

    /// <summary>
    /// Creates the year's sequence when it does not exist, starting after the highest sequence the
    /// counter row or the workers of that year hold (numbers issued before the sequence existed, a demo
    /// or bulk load). One statement; concurrent callers take turns on a transaction-scoped advisory lock, and
    /// one that finds the sequence created meanwhile leaves it as it is.
    /// </summary>
    public static string CreateSequenceSql(int year)
    {
        var y = year.ToString("0000", CultureInfo.InvariantCulture);
        var yy = (year % 100).ToString("00", CultureInfo.InvariantCulture);
        return $"""
            DO $$
            DECLARE last bigint;
            BEGIN
              IF to_regclass('{SequenceName(year)}') IS NULL THEN
                PERFORM pg_advisory_xact_lock(7260201500000 + {y});
                IF to_regclass('{SequenceName(year)}') IS NULL THEN
                  SELECT GREATEST(
                      COALESCE((SELECT last_sequence FROM membership_counters WHERE year = {y}), 0),
                      COALESCE((SELECT max(substring(membership_number FROM 3 FOR 8)::bigint) FROM workers
                                WHERE membership_number IS NOT NULL AND left(membership_number, 2) = '{yy}'), 0))
                    INTO last;
                  BEGIN
                    EXECUTE format('CREATE SEQUENCE %I AS bigint MINVALUE 1 MAXVALUE {MaxSequence} START WITH %s', '{SequenceName(year)}', last + 1);
                  EXCEPTION WHEN duplicate_table OR unique_violation THEN
                    -- Created by another session a moment ago (its catalog row not yet seen here).
                    NULL;
                  END;
                END IF;
              END IF;
            END $$
            """;
    }
}
