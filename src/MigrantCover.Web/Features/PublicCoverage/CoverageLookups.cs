using Microsoft.Extensions.Options;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>Which identifier a lookup uses, normalised (digits only).</summary>
public readonly record struct LookupKey(string Kind, string Value)
{
    public const string Kpj = "kpj";
    public const string NikKind = "nik";
}

public enum LookupStatus
{
    Found,
    NotFound,
    Locked,
}

public sealed record LookupResult(LookupStatus Status, Worker? Worker, DateTimeOffset? LockedUntil);

/// <summary>
/// The public lookup by membership number or NIK plus date of birth. A number that does not exist
/// and a date of birth that does not match take the same path (one query on both, one lock update,
/// one log row) and get the same answer. Failed lookups count per identifier (keyed hash) and lock
/// it for a while across every client address. Identifiers never reach a log line.
/// </summary>
public sealed class CoverageLookups(
    AppDbContext db,
    TimeProvider clock,
    IOptions<CoverageOptions> options,
    CoverageHasher hasher,
    IValidator<LookupRequest> validator,
    IStringLocalizer<CoverageResource> text)
{
    public const string PageChannel = "page";
    public const string ApiChannel = "api";
    public const string ProofChannel = "proof";

    /// <summary>
    /// Pure checks of a lookup of the page or the API, before any database access (R-KPJ-1: a bad check
    /// digit is "check the number you typed"): the identifier, then the date of birth. Exactly one of
    /// the membership number and the NIK is used, the membership number when both are given.
    /// </summary>
    public IReadOnlyList<Failure> Validate(LookupRequest request, out LookupKey key, out DateOnly dateOfBirth)
    {
        key = default;
        RuleFailure? refused;
        if (!Input.IsBlank(request.MembershipNumber) || Input.IsBlank(request.Nik))
        {
            // R-KPJ-1: 11 digits with a Luhn check digit.
            refused = MembershipNumber.Check(request.MembershipNumber);
            key = refused is null ? new LookupKey(LookupKey.Kpj, request.MembershipNumber!.Trim()) : key;
        }
        else
        {
            // R-NIK-1/2: the shape of a NIK.
            key = Domain.Nik.TryParse(request.Nik, out var parsed, out refused) ? new LookupKey(LookupKey.NikKind, parsed.Value) : key;
        }

        dateOfBirth = LookupRequest.DateOfBirthOf(request.DateOfBirth) ?? default;
        List<Failure> failures = refused is null ? [] : [Failure.Of(refused)];
        failures.AddRange(validator.Check(request));
        return failures;
    }

    public async Task<LookupResult> LookupAsync(LookupKey key, DateOnly dateOfBirth, string channel, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var identifierHash = hasher.Identifier(key.Kind, key.Value);
        var clientHash = hasher.Client(CoverageSetup.ClientAddress(http, settings));

        var existingLock = await db.LookupLocks.FirstOrDefaultAsync(l => l.IdentifierHash == identifierHash, cancellationToken);
        if (existingLock?.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            db.CoverageLookups.Add(Record(now, null, "locked", channel, clientHash));
            await db.SaveChangesAsync(cancellationToken);
            return new LookupResult(LookupStatus.Locked, null, lockedUntil);
        }

        // One query for both misses: an unknown identifier and a wrong date of birth find no row alike.
        var query = db.Workers.AsNoTracking().Include(w => w.Payments);
        var worker = key.Kind == LookupKey.Kpj
            ? await query.FirstOrDefaultAsync(w => w.MembershipNumber == key.Value && w.DateOfBirth == dateOfBirth, cancellationToken)
            : await query.FirstOrDefaultAsync(w => w.Nik == key.Value && w.DateOfBirth == dateOfBirth, cancellationToken);

        if (worker is not null)
        {
            if (existingLock is not null)
            {
                db.LookupLocks.Remove(existingLock);
            }

            db.CoverageLookups.Add(Record(now, worker.Id, "found", channel, clientHash));
            await db.SaveChangesAsync(cancellationToken);
            return new LookupResult(LookupStatus.Found, worker, null);
        }

        await CountFailureAsync(existingLock, identifierHash, now, settings, Record(now, null, "not-found", channel, clientHash), cancellationToken);
        return new LookupResult(LookupStatus.NotFound, null, null);
    }

    /// <summary>A request the rate limiter refused (no identifier is read: the body is never bound).</summary>
    public async Task RecordRateLimitedAsync(string channel, HttpContext http, CancellationToken cancellationToken)
    {
        db.CoverageLookups.Add(Record(clock.GetUtcNow(), null, "rate-limited", channel, hasher.Client(CoverageSetup.ClientAddress(http, options.Value))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A verification of a proof of coverage (the QR code's link).</summary>
    public async Task RecordProofAsync(Guid? workerId, string outcome, HttpContext http, CancellationToken cancellationToken)
    {
        db.CoverageLookups.Add(Record(clock.GetUtcNow(), workerId, outcome, ProofChannel, hasher.Client(CoverageSetup.ClientAddress(http, options.Value))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Seconds until <paramref name="until"/>, at least 1: for Retry-After.</summary>
    public int SecondsUntil(DateTimeOffset until) => Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));

    /// <summary>"Try again after 10.15 (in 15 minutes)": the lock message in the request's language.</summary>
    public string LockedMessage(DateTimeOffset until)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        return string.Format(CultureInfo.CurrentCulture, text["IdentifierLocked"], CoverageAnswers.Timestamp(until, Localization.Language), minutes);
    }

    private async Task CountFailureAsync(LookupLock? row, string identifierHash, DateTimeOffset now, CoverageOptions settings, CoverageLookup record, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, settings.LockMinutes));
        for (var attempt = 0; ; attempt++)
        {
            if (row is null)
            {
                row = new LookupLock { IdentifierHash = identifierHash, Failures = 0, WindowStartedAt = now };
                db.LookupLocks.Add(row);
            }

            // A new window after the last one passed or after a lock ran out.
            if (now - row.WindowStartedAt >= window || row.LockedUntil is not null)
            {
                row.Failures = 0;
                row.WindowStartedAt = now;
                row.LockedUntil = null;
            }

            row.Failures++;
            if (row.Failures >= Math.Max(1, settings.FailuresBeforeLock))
            {
                row.LockedUntil = now + window;
            }

            db.CoverageLookups.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another request counted a failure on the same identifier at the same time: count again on its row.
                db.ChangeTracker.Clear();
                record.Id = 0;
                row = await db.LookupLocks.FirstOrDefaultAsync(l => l.IdentifierHash == identifierHash, cancellationToken);
            }
        }
    }

    private static CoverageLookup Record(DateTimeOffset at, Guid? workerId, string outcome, string channel, string clientHash) =>
        new() { At = at, WorkerId = workerId, Outcome = outcome, Channel = channel, ClientHash = clientHash };
}
