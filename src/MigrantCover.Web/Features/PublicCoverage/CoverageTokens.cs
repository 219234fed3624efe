using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
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
public readonly record struct TokenCheck(TokenState State, Guid WorkerId, DateTimeOffset ExpiresAt);

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

    public static readonly TimeSpan ReferenceLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _proof = provider.CreateProtector(ProofPurpose);
    private readonly IDataProtector _reference = provider.CreateProtector(ReferencePurpose);

    public (string Token, DateTimeOffset ExpiresAt) IssueProof(Guid workerId)
    {
        var expires = clock.GetUtcNow().AddDays(Math.Max(1, options.Value.ProofDays));
        return (Protect(_proof, workerId, expires), expires);
    }

    public TokenCheck CheckProof(string? token) => Check(_proof, token);

    public string IssueReference(Guid workerId) => Protect(_reference, workerId, clock.GetUtcNow().Add(ReferenceLifetime));

    public TokenCheck CheckReference(string? token) => Check(_reference, token);

    private static string Protect(IDataProtector protector, Guid workerId, DateTimeOffset expires)
    {
        var payload = new byte[24];
        workerId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expires.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    private TokenCheck Check(IDataProtector protector, string? token)
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

        if (payload.Length != 24)
        {
            return new TokenCheck(TokenState.Invalid, Guid.Empty, default);
        }

        var workerId = new Guid(payload.AsSpan(0, 16));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        return new TokenCheck(clock.GetUtcNow() < expires ? TokenState.Valid : TokenState.Expired, workerId, expires);
    }
}

/// <summary>
/// Keyed hashes (HMAC-SHA256) of identifiers and client addresses: the lock table and the lookup
/// log can be joined and counted without holding a NIK, a membership number or an address.
/// </summary>
public sealed class CoverageHasher
{
    private readonly byte[] _key;

    public CoverageHasher(IOptions<CoverageOptions> options, ILogger<CoverageHasher> logger)
    {
        if (options.Value.HashKey is { Length: > 0 } configured)
        {
            _key = Convert.FromBase64String(configured);
            if (_key.Length < 32)
            {
                throw new InvalidOperationException("Coverage:HashKey must be at least 32 bytes (base64).");
            }
        }
        else
        {
            // Without a shared key each instance hashes differently, so identifier locks hold per
            // instance and until restart only. Set Coverage:HashKey in production.
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("Coverage:HashKey is not set: a random key is used, so lookup locks are per instance and end on restart");
        }
    }

    public string Identifier(string kind, string value) => Hash($"id:{kind}:{value}");

    public string Client(IPAddress? address) => Hash($"client:{address?.ToString() ?? "unknown"}");

    private string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
