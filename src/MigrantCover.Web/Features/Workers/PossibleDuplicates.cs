using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// A warning the officer confirms: other workers that may be the same person (same name and date of
/// birth, or the same passport number). The conflict lists them as <c>candidates</c>; sending the
/// request again with <c>confirmDuplicate</c> goes ahead.
/// </summary>
public static class PossibleDuplicates
{
    public const int Listed = 20;

    public static async Task<Outcome<Worker>?> FindAsync(IQueryable<Worker> others, string field, string messageKey, CancellationToken ct)
    {
        var candidates = await others.OrderBy(w => w.Id).Select(w => w.Id).Take(Listed).ToListAsync(ct);
        return candidates.Count == 0 ? null : Of(candidates, field, messageKey);
    }

    /// <summary>The conflict that lists <paramref name="candidates"/> (ordered by id, at most <see cref="Listed"/>).</summary>
    public static Outcome<Worker> Of(List<Guid> candidates, string field, string messageKey) =>
        Outcome<Worker>.Conflict(Failure.Input(field, messageKey)) with { Candidates = candidates };
}
