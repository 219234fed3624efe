using Microsoft.Extensions.Options;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// Which identifier a lookup uses, normalised (digits only), with the second factor a NIK lookup needs:
/// the family card number (decision 0009), null for a membership number.
/// </summary>
public readonly record struct LookupKey(string Kind, string Value, string? FamilyCardNumber = null)
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

public sealed record LookupResult(LookupStatus Status, Worker? Worker, DateTimeOffset? LockedUntil, bool ByNik = false);

/// <summary>
/// The public lookup by membership number plus date of birth, or by NIK plus date of birth plus family
/// card number (decision 0009). A number that does not exist and a second factor that does not match
/// take the same path (one query on both, one lock update, one log row) and get the same answer. Failed
/// lookups count per identifier (keyed hash) and lock it for a while across every client address; a
/// failure on a worker's NIK counts on its membership number too, and the other way round. Identifiers
/// never reach a log line.
/// </summary>
public sealed class CoverageLookups(
    AppDbContext db,
    TimeProvider clock,
    IOptions<CoverageOptions> options,
    CoverageHasher hasher,
    LookupLog log,
    LookupGate gate,
    IValidator<LookupRequest> validator,
    IStringLocalizer<CoverageResource> text)
{
    public const string PageChannel = "page";
    public const string ApiChannel = "api";
    public const string ProofChannel = "proof";

    /// <summary>
    /// Pure checks of a lookup of the page or the API, before any database access (R-KPJ-1: a bad check
    /// digit is "check the number you typed"): the identifier, the family card number of a NIK lookup
    /// (R-KK-1), then the date of birth. Exactly one of the membership number and the NIK is used, the
    /// membership number when both are given.
    /// </summary>
    public IReadOnlyList<Failure> Validate(LookupRequest request, out LookupKey key, out DateOnly dateOfBirth)
    {
        key = default;
        var failures = new List<Failure>();
        if (!Input.IsBlank(request.MembershipNumber) || Input.IsBlank(request.Nik))
        {
            // R-KPJ-1: 11 digits with a Luhn check digit.
            var refused = MembershipNumber.Check(request.MembershipNumber);
            key = refused is null ? new LookupKey(LookupKey.Kpj, request.MembershipNumber!.Trim()) : key;
            if (refused is not null)
            {
                failures.Add(Failure.Of(refused));
            }
        }
        else
        {
            // R-NIK-1/2: the shape of a NIK. Its date of birth is no secret (R-NIK-3), so a NIK lookup also
            // needs the family card number (R-KK-1: 16 digits, a province code first).
            var nikValid = Domain.Nik.TryParse(request.Nik, out var parsed, out var refused);
            if (refused is not null)
            {
                failures.Add(Failure.Of(refused));
            }

            var familyCard = LookupRequest.DigitsOf(request.FamilyCardNumber);
            var cardRefusals = familyCard is null
                ? [Failure.Input(Domain.FamilyCardNumber.Field, "lookup.kk-required")]
                : Domain.FamilyCardNumber.Check(familyCard).Select(Failure.Of).ToList();
            failures.AddRange(cardRefusals);
            key = nikValid && cardRefusals.Count == 0 ? new LookupKey(LookupKey.NikKind, parsed.Value, familyCard) : key;
        }

        dateOfBirth = LookupRequest.DateOfBirthOf(request.DateOfBirth) ?? default;
        failures.AddRange(validator.Check(request));
        return failures;
    }

    public async Task<LookupResult> LookupAsync(LookupKey key, DateOnly dateOfBirth, string channel, HttpContext http, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var identifierHash = hasher.Identifier(key.Kind, key.Value);
        var clientHash = hasher.Client(Infrastructure.Proxy.ClientAddress(http));
        var sql = LookupSql.For(db);
        var byNik = key.Kind == LookupKey.NikKind;

        // One lookup of this identifier at a time: each reads the lock after the one before it counted
        // its failure, so a burst gets no more guesses evaluated than the lock allows (decision 0009).
        var wait = TimeSpan.FromMilliseconds(Math.Max(1, settings.SameIdentifierWaitMilliseconds));
        using var turn = await gate.EnterAsync(identifierHash, wait, cancellationToken);
        if (turn is null)
        {
            var waited = clock.GetUtcNow();
            return Locked(waited, waited + wait);
        }

        var now = clock.GetUtcNow();

        // One round trip: the lock first (an active lock reads no worker), then the worker by its
        // identifier with whether the second factor matches, and its payments only when it does.
        var read = await sql.ReadAsync(key, dateOfBirth, identifierHash, now, cancellationToken);
        if (read.LockedUntil is { } lockedUntil)
        {
            return Locked(now, lockedUntil);
        }

        if (read.Worker is { } worker)
        {
            log.Add(Record(now, worker.Id, "found", channel, clientHash));
            PortalMetrics.Lookup("found", channel);
            return new LookupResult(LookupStatus.Found, worker, null, byNik);
        }

        // A miss: one statement counts it atomically on the identifier and, when it is a worker's, on the
        // worker's other identifier too, so that guesses by NIK and by membership number share one budget.
        var hashes = new List<string> { identifierHash };
        if (read.OtherIdentifier is { } other)
        {
            hashes.Add(hasher.Identifier(other.Kind, other.Value));
        }

        var window = TimeSpan.FromMinutes(Math.Max(1, settings.LockMinutes));
        var allowed = Math.Max(1, settings.FailuresBeforeLock);
        var counted = await sql.CountFailureAsync(hashes, identifierHash, now, window, allowed, cancellationToken);

        // Failures beyond the allowed number were counted by requests running at the same time as the
        // one that set the lock: they are answered as locked, so no more than the allowed number of
        // failures is ever answered as one.
        if (counted.Failures > allowed && counted.LockedUntil is { } until)
        {
            return Locked(now, until);
        }

        if (counted.Failures == allowed && counted.LockedUntil is not null)
        {
            // This failure set the lock.
            PortalMetrics.IdentifierLocks.Add(1);
        }

        log.Add(Record(now, null, "not-found", channel, clientHash));
        PortalMetrics.Lookup("not-found", channel);
        return new LookupResult(LookupStatus.NotFound, null, null);

        // Refused as locked: logged and counted as such, no worker read or shown.
        LookupResult Locked(DateTimeOffset at, DateTimeOffset until)
        {
            log.Add(Record(at, null, "locked", channel, clientHash));
            PortalMetrics.Lookup("locked", channel);
            return new LookupResult(LookupStatus.Locked, null, until);
        }
    }

    /// <summary>A request the rate limiter refused (no identifier is read: the body is never bound).</summary>
    public void RecordRateLimited(string channel, HttpContext http)
    {
        log.Add(Record(clock.GetUtcNow(), null, "rate-limited", channel, hasher.Client(Infrastructure.Proxy.ClientAddress(http))));
        PortalMetrics.Lookup("rate-limited", channel);
    }

    /// <summary>
    /// "Who looked at my record" (decision 0026): the last <paramref name="count"/> lookups that found this
    /// worker, newest first: when and through which channel, and whether it came from the visitor's own
    /// address (compared as keyed hashes). Never the other party's address. The log is written off the
    /// request path: the rows still queued (this answer's own among them) come from memory, the rest from
    /// the table, so the answer never waits for the writer (it used to flush the log, which held every
    /// page answer behind the writer). The queued rows are read first: a row leaves the queue only after
    /// its batch is committed, so the query finds it; a row in both places (committed, not yet removed)
    /// has the same id in both and is shown once.
    /// </summary>
    public async Task<IReadOnlyList<LookupSeen>> RecentAsync(Guid workerId, HttpContext http, int count = 10, CancellationToken cancellationToken = default)
    {
        var pending = log.PendingFound(workerId);
        var written = await db.CoverageLookups.AsNoTracking()
            .Where(l => l.WorkerId == workerId && l.Outcome == "found")
            .OrderByDescending(l => l.Id)
            .Take(count)
            .Select(l => new { l.Id, l.At, l.Channel, l.ClientHash })
            .ToListAsync(cancellationToken);
        var writtenIds = written.Select(w => w.Id).ToHashSet();

        // Each queued row's id is read once, after the query (a row committed before it has its id by
        // then); those the writer has not taken (id 0) are the newest, the rest go in the table's order.
        var queued = pending.Select(p => (p.Id, p.At, p.Channel, p.ClientHash)).Where(p => !writtenIds.Contains(p.Id)).ToList();
        var own = hasher.Client(Infrastructure.Proxy.ClientAddress(http));
        return [.. queued.Where(r => r.Id == 0)
            .Concat(queued.Where(r => r.Id != 0).Concat(written.Select(w => (w.Id, w.At, w.Channel, w.ClientHash))).OrderByDescending(r => r.Id))
            .Take(count)
            .Select(r => new LookupSeen(r.At, r.Channel, r.ClientHash == own))];
    }

    /// <summary>A verification of a proof of coverage (the QR code's link).</summary>
    public void RecordProof(Guid? workerId, string outcome, HttpContext http) =>
        log.Add(Record(clock.GetUtcNow(), workerId, outcome, ProofChannel, hasher.Client(Infrastructure.Proxy.ClientAddress(http))));

    /// <summary>Seconds until <paramref name="until"/>, at least 1: for Retry-After.</summary>
    public int SecondsUntil(DateTimeOffset until) => Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));

    /// <summary>"Try again after 10.15 (in 15 minutes)": the lock message in the request's language.</summary>
    public string LockedMessage(DateTimeOffset until)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        return string.Format(CultureInfo.CurrentCulture, text["IdentifierLocked"], CoverageAnswers.Timestamp(until, Localization.Language), minutes);
    }

    private static CoverageLookup Record(DateTimeOffset at, Guid? workerId, string outcome, string channel, string clientHash) =>
        new() { At = at, WorkerId = workerId, Outcome = outcome, Channel = channel, ClientHash = clientHash };
}

/// <summary>One lookup of a worker's record as the worker sees it: when, the channel (page, api, proof), and whether from her own address.</summary>
public sealed record LookupSeen(DateTimeOffset At, string Channel, bool FromThisAddress);
