namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// Issues membership numbers (R-KPJ-1: YY + 8-digit sequence + Luhn). The per-year counter is bumped
/// by one atomic upsert (the same SQL on SQLite and PostgreSQL), so concurrent officers and
/// instances never get the same sequence. Inside the caller's transaction it rolls back with it.
/// </summary>
public static class MembershipNumbers
{
    public static async Task<string> IssueAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
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
}
