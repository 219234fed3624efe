namespace MigrantCover.Web.Data;

/// <summary>
/// One save in a claim's history (R-CLM-9), for a claim recorded together with the way it already went
/// (<see cref="AppDbContext.AddClaim"/>, the demo): who made it (<paramref name="By"/>, the account's id
/// and e-mail, as a request's actor is recorded), when, what it changed on the claim, and the reason its
/// audit entries carry (a rejection's text, as the reject step gives it). The report itself is the
/// step without a change (<see cref="Report"/>).
/// </summary>
public sealed record ClaimHistoryStep(IAuditActor By, DateTimeOffset At, Action<BenefitClaim>? Change, string? Reason = null)
{
    /// <summary>The first step: the claim as reported by <paramref name="by"/> at <paramref name="at"/>.</summary>
    public static ClaimHistoryStep Report(IAuditActor by, DateTimeOffset at) => new(by, at, null);

    /// <summary>The claim as its steps after the report leave it, in memory (what AddClaim saves).</summary>
    public static void Replay(BenefitClaim claim, IEnumerable<ClaimHistoryStep> history)
    {
        foreach (var step in history)
        {
            step.Change?.Invoke(claim);
        }
    }
}
