using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MigrantCover.Web.Features.PublicCoverage;

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
