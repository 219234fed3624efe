using MigrantCover.Domain;
using static MigrantCover.Domain.Tests.Samples;

namespace MigrantCover.Domain.Tests;

/// <summary>The workers of the rule book's §15 and a shorthand to assess their claims.</summary>
internal static class ClaimSamples
{
    public static readonly DateOnly BornOn = D(1995, 7, 9);

    /// <summary>§15: agency scheme, pre-placement paid 2024-01-10, placement 2024-02-20, departed 2024-03-01 for 24 months.</summary>
    public static CoverageHistory Placed2024(DateOnly? arrivedOn = null, DateOnly? diedOn = null) => History(
        Scheme.Agency,
        24,
        [Pay(PaymentKind.PrePlacement, D(2024, 1, 10)), Pay(PaymentKind.Placement, D(2024, 2, 20))],
        departedOn: D(2024, 3, 1),
        arrivedOn: arrivedOn,
        diedOn: diedOn);

    /// <summary>Agency scheme, placement paid a few days before <paramref name="departedOn"/>.</summary>
    public static CoverageHistory PlacedOn(DateOnly departedOn, int months = 24) => History(
        Scheme.Agency,
        months,
        [Pay(PaymentKind.PrePlacement, departedOn.AddDays(-40)), Pay(PaymentKind.Placement, departedOn.AddDays(-10))],
        departedOn: departedOn);

    /// <summary>§15: agency candidate, pre-placement paid on <paramref name="paidOn"/>, optionally a failed departure.</summary>
    public static CoverageHistory Candidate(DateOnly paidOn, DateOnly? failedOn = null, params PaymentRecord[] more) => History(
        Scheme.Agency,
        24,
        [Pay(PaymentKind.PrePlacement, paidOn), .. more],
        failedOn: failedOn);

    /// <summary>§15: individual scheme, placement paid 2025-05-01, departs 2025-05-20.</summary>
    public static CoverageHistory Individual2025() => History(
        Scheme.Individual,
        24,
        [Pay(PaymentKind.Placement, D(2025, 5, 1))],
        departedOn: D(2025, 5, 20),
        stage: Stage.Placed);

    /// <summary>Registered 30 days before the first recorded fact (or 2017-01-01), born 1995-07-09.</summary>
    public static ClaimWorker Worker(CoverageHistory h, DateOnly? registeredOn = null, DateOnly? dateOfBirth = null)
    {
        var first = h.Payments.Select(p => p.PaidOn).Concat(h.DepartedOn is { } d ? [d] : []).DefaultIfEmpty(D(2017, 1, 31)).Min();
        return new ClaimWorker(h, registeredOn ?? first.AddDays(-30), dateOfBirth ?? BornOn);
    }

    /// <summary>Reported <paramref name="reportedOn"/> (default 10 days after the incident), assessed that day.</summary>
    public static ClaimAssessment Assess(
        ClaimType type,
        DateOnly incidentOn,
        ClaimWorker worker,
        long? claimed = null,
        FailedDepartureCause? cause = null,
        JhtTrigger? trigger = null,
        DateOnly? reportedOn = null)
    {
        var reported = reportedOn ?? incidentOn.AddDays(10);
        return Claims.Assess(new ClaimReport(type, incidentOn, reported, claimed, cause, trigger), worker, reported);
    }

    public static ClaimAssessment Assess(ClaimType type, DateOnly incidentOn, CoverageHistory h, long? claimed = null, FailedDepartureCause? cause = null, JhtTrigger? trigger = null, DateOnly? reportedOn = null) =>
        Assess(type, incidentOn, Worker(h), claimed, cause, trigger, reportedOn);
}
