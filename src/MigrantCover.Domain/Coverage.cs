namespace MigrantCover.Domain;

/// <summary>A recorded contribution, as coverage needs it. <see cref="Months"/> for extension and jht.</summary>
public readonly record struct PaymentRecord(PaymentKind Kind, DateOnly PaidOn, int? Months, long Amount);

/// <summary>One continuous cover period of one programme, inclusive at both ends (§8).</summary>
public readonly record struct CoverPeriod(Programme Programme, CoverPhase? Phase, DateOnly From, DateOnly Until)
{
    public bool Contains(DateOnly date) => From <= date && date <= Until;
}

/// <summary>
/// What coverage is computed from: the worker's scheme, contract, payments and stage event dates.
/// Built once from database rows; payments are kept sorted by payment date so that the status of a
/// date is computed without allocating.
/// </summary>
public sealed class CoverageHistory
{
    private readonly PaymentRecord[] _payments;

    public CoverageHistory(
        Scheme scheme,
        Stage stage,
        int contractMonths,
        IEnumerable<PaymentRecord> payments,
        DateOnly? departedOn = null,
        DateOnly? arrivedOn = null,
        DateOnly? failedDepartureOn = null,
        DateOnly? diedOn = null)
    {
        Scheme = scheme;
        Stage = stage;
        ContractMonths = contractMonths;
        DepartedOn = departedOn;
        ArrivedOn = arrivedOn;
        FailedDepartureOn = failedDepartureOn;
        DiedOn = diedOn;

        // Stable sort: payments of one day keep the order they were recorded in.
        _payments = [.. payments.OrderBy(p => p.PaidOn)];
    }

    public Scheme Scheme { get; }

    public Stage Stage { get; }

    public int ContractMonths { get; }

    /// <summary>Sorted by payment date.</summary>
    public IReadOnlyList<PaymentRecord> Payments => _payments;

    public DateOnly? DepartedOn { get; }

    /// <summary>Arrival at the Indonesian debarkation point on return (R-COV-6).</summary>
    public DateOnly? ArrivedOn { get; }

    public DateOnly? FailedDepartureOn { get; }

    public DateOnly? DiedOn { get; }

    internal ReadOnlySpan<PaymentRecord> Span => _payments;

    public CoverageHistory WithPayment(PaymentRecord payment) =>
        new(Scheme, Stage, ContractMonths, [.. _payments, payment], DepartedOn, ArrivedOn, FailedDepartureOn, DiedOn);
}

/// <summary>R-COV-7: one programme on one date.</summary>
public readonly record struct ProgrammeStatus(
    Programme Programme,
    bool Active,
    CoverPhase? Phase,
    DateOnly? CoveredFrom,
    DateOnly? CoveredUntil,
    InactiveReason? Reason,
    DateOnly? LastCoveredUntil);

/// <summary>R-COV-7: the three programmes (JKK, JKM, JHT, in that order) on one date.</summary>
public sealed class CoverageStatus
{
    private readonly ProgrammeStatus[] _programmes;

    internal CoverageStatus(DateOnly asOf, ProgrammeStatus[] programmes, DateOnly? contractEndsOn, DateOnly? placementCoverEndsOn, RuleSet? ruleSet)
    {
        AsOf = asOf;
        _programmes = programmes;
        ContractEndsOn = contractEndsOn;
        PlacementCoverEndsOn = placementCoverEndsOn;
        RuleSet = ruleSet;
    }

    public DateOnly AsOf { get; }

    public IReadOnlyList<ProgrammeStatus> Programmes => _programmes;

    public ProgrammeStatus Jkk => _programmes[0];

    public ProgrammeStatus Jkm => _programmes[1];

    public ProgrammeStatus Jht => _programmes[2];

    /// <summary>R-COV-4/5: last day of the contract, with extensions; null before departure.</summary>
    public DateOnly? ContractEndsOn { get; }

    /// <summary>R-COV-4/5: last day of placement cover as paid for (before any early return).</summary>
    public DateOnly? PlacementCoverEndsOn { get; }

    /// <summary>R-VER-1: the rule set in force on <see cref="AsOf"/>.</summary>
    public RuleSet? RuleSet { get; }
}

/// <summary>What the admin dashboard stores per worker: the current or last JKM period (see docs/rules.md).</summary>
public readonly record struct CoverageSummary(bool Active, CoverPhase? Phase, DateOnly? CoveredFrom, DateOnly? CoveredUntil);

public static class Coverage
{
    private const int StackLimit = 64;

    /// <summary>All cover periods, by programme (JKK, JKM, JHT) then date. Never overlapping.</summary>
    public static IReadOnlyList<CoverPeriod> Periods(CoverageHistory h)
    {
        var cap = Capacity(h);
        var buffer = new CoverPeriod[cap];
        var count = Fill(h, buffer);
        var result = buffer.AsSpan(0, count).ToArray();
        Array.Sort(result, static (a, b) => a.Programme != b.Programme ? a.Programme.CompareTo(b.Programme) : a.From.CompareTo(b.From));
        return result;
    }

    /// <summary>R-COV-7: the status of each programme on <paramref name="date"/>.</summary>
    public static CoverageStatus On(CoverageHistory h, DateOnly date)
    {
        var cap = Capacity(h);
        var buffer = cap <= StackLimit ? stackalloc CoverPeriod[cap] : new CoverPeriod[cap];
        var count = Fill(h, buffer);
        var periods = buffer[..count];

        var statuses = new ProgrammeStatus[3];
        statuses[0] = StatusOf(h, periods, Programme.Jkk, date);
        statuses[1] = StatusOf(h, periods, Programme.Jkm, date);
        statuses[2] = StatusOf(h, periods, Programme.Jht, date);

        DateOnly? contractEnd = null;
        DateOnly? coverEnd = null;
        if (h.DepartedOn is { } departed)
        {
            var (c, e) = PlacementEnds(h, departed);
            contractEnd = c;
            coverEnd = e;
        }

        return new CoverageStatus(date, statuses, contractEnd, coverEnd, RuleSets.For(date));
    }

    /// <summary>
    /// For the dashboard's cover_phase / covered_from / covered_until: the JKM period containing the
    /// date, else the latest one that started on or before it. JKM is used because it is covered
    /// whenever JKK is, and also in the individual scheme's window before departure (R-COV-3).
    /// </summary>
    public static CoverageSummary Summary(CoverageHistory h, DateOnly date)
    {
        var cap = Capacity(h);
        var buffer = cap <= StackLimit ? stackalloc CoverPeriod[cap] : new CoverPeriod[cap];
        var count = Fill(h, buffer);
        CoverPeriod? latest = null;
        for (var i = 0; i < count; i++)
        {
            var p = buffer[i];
            if (p.Programme != Programme.Jkm || p.From > date)
            {
                continue;
            }

            if (p.Contains(date))
            {
                return new CoverageSummary(true, p.Phase, p.From, p.Until);
            }

            if (latest is null || p.From > latest.Value.From)
            {
                latest = p;
            }
        }

        return latest is { } l ? new CoverageSummary(false, l.Phase, l.From, l.Until) : new CoverageSummary(false, null, null, null);
    }

    /// <summary>R-COV-4/5: contract end and placement cover end for a departure, with the extensions.</summary>
    public static (DateOnly ContractEndsOn, DateOnly CoverEndsOn) PlacementEnds(CoverageHistory h, DateOnly departedOn)
    {
        var months = h.ContractMonths;
        var coverEnd = EndAfterMonths(departedOn, months + 1);
        foreach (var p in h.Span)
        {
            // R-COV-5: an extension counts when paid while placement cover still runs; several add up.
            if (p.Kind == PaymentKind.Extension && p.Months is > 0 && p.PaidOn >= departedOn && p.PaidOn <= coverEnd)
            {
                months += p.Months.Value;
                coverEnd = EndAfterMonths(departedOn, months + 1);
            }
        }

        return (EndAfterMonths(departedOn, months), coverEnd);
    }

    /// <summary>"+ n months − 1 day" (§8): the day before the n-month anniversary.</summary>
    public static DateOnly EndAfterMonths(DateOnly from, int months) => from.AddMonths(months).AddDays(-1);

    private static int Capacity(CoverageHistory h) => (2 * h.Span.Length) + 4;

    private static int Fill(CoverageHistory h, Span<CoverPeriod> dest)
    {
        var count = 0;
        var payments = h.Span;
        var departed = h.DepartedOn;
        var died = h.DiedOn ?? DateOnly.MaxValue;

        // Pre-departure cover stops the day before departure, on a failed departure, or on death.
        var stopBeforeDeparture = Min(Min(departed is { } d0 ? d0.AddDays(-1) : DateOnly.MaxValue, h.FailedDepartureOn ?? DateOnly.MaxValue), died);
        var nextFree = DateOnly.MinValue;
        var hasPlacementPayment = false;
        foreach (var p in payments)
        {
            if (p.Kind == PaymentKind.Placement)
            {
                hasPlacementPayment = true;
            }

            var individualWindow = h.Scheme == Scheme.Individual && p.Kind == PaymentKind.Placement;
            var prePlacement = h.Scheme != Scheme.Individual && p.Kind == PaymentKind.PrePlacement;
            if (!individualWindow && !prePlacement)
            {
                continue;
            }

            // A payment made while an earlier period runs starts the day after it (interpretation).
            var from = Max(p.PaidOn, nextFree);

            // R-COV-1: p to p + 5 months − 1 day. R-COV-3: individual window at most 1 month.
            var end = EndAfterMonths(from, individualWindow ? 1 : 5);
            nextFree = end.AddDays(1);
            var until = Min(end, stopBeforeDeparture);
            if (from > until)
            {
                continue;
            }

            if (individualWindow)
            {
                // R-COV-3 (Permenaker 4/2023 Pasal 16 ayat 3): JKM only.
                Emit(dest, ref count, Programme.Jkm, CoverPhase.PrePlacement, from, until);
            }
            else
            {
                Emit(dest, ref count, Programme.Jkk, CoverPhase.PrePlacement, from, until);
                Emit(dest, ref count, Programme.Jkm, CoverPhase.PrePlacement, from, until);
            }
        }

        if (departed is { } d && hasPlacementPayment)
        {
            // R-COV-4 / R-COV-5: d to d + (m + extensions + 1) months − 1 day.
            var (_, coverEnd) = PlacementEnds(h, d);
            var until = Min(coverEnd, died);
            if (h.ArrivedOn is { } a0 && a0.AddDays(-1) < until)
            {
                // R-COV-6: placement cover ends the day before arrival.
                until = a0.AddDays(-1);
            }

            if (d <= until)
            {
                Emit(dest, ref count, Programme.Jkk, CoverPhase.Placement, d, until);
                Emit(dest, ref count, Programme.Jkm, CoverPhase.Placement, d, until);
            }

            // R-COV-6: post-placement a to a + 29 days, on any recorded return after departure.
            if (h.ArrivedOn is { } a && a > d)
            {
                var postUntil = Min(a.AddDays(29), died);
                if (a <= postUntil)
                {
                    Emit(dest, ref count, Programme.Jkk, CoverPhase.PostPlacement, a, postUntil);
                    Emit(dest, ref count, Programme.Jkm, CoverPhase.PostPlacement, a, postUntil);
                }
            }
        }

        // R-PRG-2 / R-COV-7: a JHT payment of n months covers n calendar months from its payment month,
        // or from the month after the months already paid (interpretation: payments stack).
        var nextFreeMonth = int.MinValue;
        foreach (var p in payments)
        {
            if (p.Kind != PaymentKind.Jht || p.Months is not > 0)
            {
                continue;
            }

            var first = Math.Max(MonthIndex(p.PaidOn), nextFreeMonth);
            var last = first + p.Months.Value - 1;
            nextFreeMonth = last + 1;
            var from = FirstDay(first);
            var until = Min(FirstDay(last + 1).AddDays(-1), died);
            if (from <= until)
            {
                Emit(dest, ref count, Programme.Jht, null, from, until);
            }
        }

        return count;
    }

    private static ProgrammeStatus StatusOf(CoverageHistory h, ReadOnlySpan<CoverPeriod> periods, Programme programme, DateOnly date)
    {
        DateOnly? lastUntil = null;
        foreach (var p in periods)
        {
            if (p.Programme != programme)
            {
                continue;
            }

            if (p.Contains(date))
            {
                return new ProgrammeStatus(programme, true, p.Phase, p.From, p.Until, null, p.Until);
            }

            if (p.Until < date && (lastUntil is null || p.Until > lastUntil.Value))
            {
                lastUntil = p.Until;
            }
        }

        var reason = programme == Programme.Jht ? JhtReason(h, date) : ReasonOf(h, date);
        return new ProgrammeStatus(programme, false, null, null, null, reason, lastUntil);
    }

    // R-COV-7: why JKK or JKM is inactive on the date.
    private static InactiveReason ReasonOf(CoverageHistory h, DateOnly date)
    {
        if (h.DiedOn is { } died && date > died)
        {
            return InactiveReason.Deceased;
        }

        if (h.FailedDepartureOn is { } failed && date > failed)
        {
            return InactiveReason.FailedDeparture;
        }

        var payments = h.Span;
        if (h.DepartedOn is { } departed && departed <= date)
        {
            if (h.ArrivedOn is { } arrived && arrived <= date)
            {
                return InactiveReason.Ended;
            }

            foreach (var p in payments)
            {
                if (p.Kind == PaymentKind.Placement)
                {
                    return InactiveReason.Ended;
                }
            }

            // Departed without a placement payment: a gap the dashboard must show.
            return InactiveReason.AwaitingDeparturePayment;
        }

        var starter = h.Scheme == Scheme.Individual ? PaymentKind.Placement : PaymentKind.PrePlacement;
        var paid = false;
        foreach (var p in payments)
        {
            if (p.PaidOn > date)
            {
                break;
            }

            if (p.Kind == starter)
            {
                paid = true;
            }
        }

        if (h.Scheme == Scheme.Individual)
        {
            // R-COV-3 / R-PAY-4: the window passed without departure: pay again (lapsed). JKK starts
            // only at departure, so before it JKK waits for the departure (interpretation).
            var windowPassed = paid && LastWindowEndedBefore(h, date);
            return windowPassed ? InactiveReason.Lapsed : InactiveReason.AwaitingDeparturePayment;
        }

        // R-COV-2: pre-placement cover ran out before departure.
        return paid ? InactiveReason.Lapsed : InactiveReason.NotPaid;
    }

    private static bool LastWindowEndedBefore(CoverageHistory h, DateOnly date)
    {
        var nextFree = DateOnly.MinValue;
        var ended = false;
        foreach (var p in h.Span)
        {
            if (p.PaidOn > date)
            {
                break;
            }

            if (p.Kind != PaymentKind.Placement)
            {
                continue;
            }

            var from = Max(p.PaidOn, nextFree);
            var end = EndAfterMonths(from, 1);
            nextFree = end.AddDays(1);
            ended = end < date;
        }

        return ended;
    }

    private static InactiveReason JhtReason(CoverageHistory h, DateOnly date)
    {
        if (h.DiedOn is { } died && date > died)
        {
            return InactiveReason.Deceased;
        }

        foreach (var p in h.Span)
        {
            if (p.PaidOn > date)
            {
                break;
            }

            if (p.Kind == PaymentKind.Jht)
            {
                // The months paid for are over (interpretation: "ended").
                return InactiveReason.Ended;
            }
        }

        return InactiveReason.NotEnrolled;
    }

    private static void Emit(Span<CoverPeriod> dest, ref int count, Programme programme, CoverPhase? phase, DateOnly from, DateOnly until)
    {
        // Adjacent periods of the same programme and phase are one period.
        for (var i = count - 1; i >= 0; i--)
        {
            if (dest[i].Programme != programme)
            {
                continue;
            }

            if (dest[i].Phase == phase && dest[i].Until.AddDays(1) == from)
            {
                dest[i] = dest[i] with { Until = until };
                return;
            }

            break;
        }

        dest[count++] = new CoverPeriod(programme, phase, from, until);
    }

    private static int MonthIndex(DateOnly d) => (d.Year * 12) + d.Month - 1;

    private static DateOnly FirstDay(int monthIndex) => new(monthIndex / 12, (monthIndex % 12) + 1, 1);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
