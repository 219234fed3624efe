namespace MigrantCover.Web.Data.Sql;

/// <summary>The SQL of the heirs' guard (R-HEIR-3), valid on both providers.</summary>
public static class HeirSql
{
    /// <summary>
    /// Fills <c>live_nik</c> for the heirs already recorded, before its unique index is made: the NIK of
    /// each heir who has not ended, except where the same worker already has a live heir with that NIK
    /// recorded earlier. Such a later heir (written before the check existed) keeps its data and stays
    /// listed; only the guard skips it, so the migration never fails on old data. The officer's next
    /// correction or ending of it goes through the check as every other does.
    /// </summary>
    public const string BackfillLiveNik = """
        UPDATE heirs SET live_nik = nik
        WHERE ended_on IS NULL AND nik IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM heirs AS earlier
            WHERE earlier.worker_id = heirs.worker_id AND earlier.nik = heirs.nik AND earlier.ended_on IS NULL
              AND (earlier.created_at < heirs.created_at OR (earlier.created_at = heirs.created_at AND earlier.id < heirs.id)))
        """;
}
