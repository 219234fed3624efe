using Microsoft.AspNetCore.DataProtection;
using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>
/// The "stop these messages" link of every message: the worker id and an expiry, encrypted and signed by
/// Data Protection under a purpose of its own, so no identifier is readable in the URL and a token for a
/// proof of coverage does not stop messages (or the reverse). As with the proof tokens (CoverageTokens),
/// the expiry is checked against the injected clock.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider clock, MessagingOptions options)
{
    public const string Purpose = "reminders-unsubscribe";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Issue(Guid workerId) =>
        WorkerTokens.Write(_protector, workerId, clock.GetUtcNow().AddDays(Math.Max(1, options.UnsubscribeLinkDays)), byNik: null);

    public TokenCheck Check(string? token) => WorkerTokens.Read(_protector, token, clock.GetUtcNow(), flagged: false);

    /// <summary>The link put in a message.</summary>
    public string LinkFor(Guid workerId) => $"{options.PublicBaseUrl.TrimEnd('/')}/Reminders/Stop/{Issue(workerId)}";
}
