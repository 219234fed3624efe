using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>Why a token was refused.</summary>
public enum TokenState
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>A checked token: the worker it names and until when it holds.</summary>
/// <summary>The outcome of a token; <see cref="ByNik"/> when it goes back to a lookup by NIK, whose answers never show the full membership number.</summary>
public readonly record struct TokenCheck(TokenState State, Guid WorkerId, DateTimeOffset ExpiresAt, bool ByNik = false);

/// <summary>
/// Signed, encrypted, expiring references to a worker, safe to put in a URL: the payload is the
/// worker id and the expiry only, encrypted and authenticated by Data Protection. The expiry is
/// written from the injected clock and checked against it (not Data Protection's time-limited
/// protector, which checks the machine clock, so tests could not move time and a clock pinned in
/// the past would refuse every fresh token).
/// </summary>
public sealed class CoverageTokens(IDataProtectionProvider provider, TimeProvider clock, IOptions<CoverageOptions> options)
{
    /// <summary>The QR code's verification link: valid for Coverage:ProofDays.</summary>
    public const string ProofPurpose = "coverage-proof";

    /// <summary>The lookup answer's "make a proof" button: a few minutes, never shown in a URL.</summary>
    public const string ReferencePurpose = "coverage-reference";

    /// <summary>The lookup answer kept in a cookie across the language switch (decision 0026).</summary>
    public const string ResultPurpose = "coverage-result";

    public static readonly TimeSpan ReferenceLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _proof = provider.CreateProtector(ProofPurpose);
    private readonly IDataProtector _reference = provider.CreateProtector(ReferencePurpose);
    private readonly IDataProtector _result = provider.CreateProtector(ResultPurpose);

    public (string Token, DateTimeOffset ExpiresAt) IssueProof(Guid workerId, bool byNik = false)
    {
        var expires = clock.GetUtcNow().AddDays(Math.Max(1, options.Value.ProofDays));
        return (Protect(_proof, workerId, expires, byNik), expires);
    }

    public TokenCheck CheckProof(string? token) => Check(_proof, token);

    public string IssueReference(Guid workerId, bool byNik = false) => Protect(_reference, workerId, clock.GetUtcNow().Add(ReferenceLifetime), byNik);

    public TokenCheck CheckReference(string? token) => Check(_reference, token);

    /// <summary>
    /// The answer a visitor just got, for the cookie that keeps it across the language switch: the worker
    /// id, whether it was found by NIK (that answer masks the membership number) and an expiry of
    /// <see cref="ReferenceLifetime"/>. Never an identifier.
    /// </summary>
    public string IssueResult(Guid workerId, bool byNik) => Protect(_result, workerId, clock.GetUtcNow().Add(ReferenceLifetime), byNik);

    public (TokenCheck Check, bool ByNik) CheckResult(string? token)
    {
        var check = Check(_result, token);
        return (check, check.ByNik);
    }

    // Worker id (16 bytes), expiry (8), and 1 when the worker was found by NIK (decision 0009: the proof
    // of such a lookup masks the membership number as its answer did). Tokens of 24 bytes (before the
    // flag) read as found by membership number.
    private static string Protect(IDataProtector protector, Guid workerId, DateTimeOffset expires, bool byNik) =>
        WorkerTokens.Write(protector, workerId, expires, byNik);

    private TokenCheck Check(IDataProtector protector, string? token) => WorkerTokens.Read(protector, token, clock.GetUtcNow(), flagged: true);
}

/// <summary>
/// The tokens of <see cref="CoverageTokens"/> and of the messages' stop link: Base64url of a
/// protector's payload, the worker id (16 bytes) and the expiry (8, Unix seconds), then for a flagged kind
/// optionally the found-by-NIK byte. Anything else, or more than 512 characters, is invalid.
/// </summary>
public static class WorkerTokens
{
    /// <summary>A token of <paramref name="workerId"/> until <paramref name="expires"/>; with the found-by-NIK byte unless <paramref name="byNik"/> is null.</summary>
    public static string Write(IDataProtector protector, Guid workerId, DateTimeOffset expires, bool? byNik)
    {
        var payload = new byte[byNik is null ? 24 : 25];
        workerId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expires.ToUnixTimeSeconds());
        if (byNik is { } flag)
        {
            payload[24] = flag ? (byte)1 : (byte)0;
        }

        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    public static TokenCheck Read(IDataProtector protector, string? token, DateTimeOffset now, bool flagged)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        if (payload.Length != 24 && !(flagged && payload.Length == 25))
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        var workerId = new Guid(payload.AsSpan(0, 16));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        var byNik = payload.Length == 25 && payload[24] == 1;
        return new TokenCheck(now < expires ? TokenState.Valid : TokenState.Expired, workerId, expires, byNik);
    }
}
