using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
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

    public string Issue(Guid workerId)
    {
        var payload = new byte[24];
        workerId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), clock.GetUtcNow().AddDays(Math.Max(1, options.UnsubscribeLinkDays)).ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        if (payload.Length != 24)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        return new TokenCheck(clock.GetUtcNow() < expires ? TokenState.Valid : TokenState.Expired, new Guid(payload.AsSpan(0, 16)), expires);
    }

    /// <summary>The link put in a message.</summary>
    public string LinkFor(Guid workerId) => $"{options.PublicBaseUrl.TrimEnd('/')}/Reminders/Stop/{Issue(workerId)}";
}
