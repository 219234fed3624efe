namespace MigrantCover.Web.Data;

/// <summary>
/// Whether a transaction whose COMMIT got no answer (the server went away in between) was committed:
/// its id is read before the COMMIT, and PostgreSQL's <c>pg_xact_status</c> tells afterwards, on a new
/// connection (decision 0011). Without it a retried unit would write its rows a second time and meet the
/// unique index of its own first try (a registration's NIK, a row's id). Nothing to do on SQLite.
/// </summary>
public sealed class CommitCheck
{
    private string? _transactionId;

    /// <summary>Forgets the id of an earlier try; call at the start of each try of the unit.</summary>
    public void Reset() => _transactionId = null;

    /// <summary>Reads the id of the current transaction (PostgreSQL), just before its COMMIT.</summary>
    public async Task BeforeCommitAsync(DbContext db, CancellationToken ct)
    {
        _transactionId = db.Database.IsNpgsql()
            ? (await db.Database.SqlQueryRaw<string>("SELECT pg_current_xact_id()::text AS \"Value\"").ToListAsync(ct)).Single()
            : null;
    }

    /// <summary>True when the transaction of the last try is known to be committed.</summary>
    public async Task<bool> CommittedAsync(DbContext db, CancellationToken ct)
    {
        if (_transactionId is not { } id)
        {
            return false;
        }

        var status = (await db.Database.SqlQueryRaw<string>("SELECT pg_xact_status({0}::xid8)::text AS \"Value\"", id).ToListAsync(ct)).Single();
        return status == "committed";
    }
}
