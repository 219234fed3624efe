namespace MigrantCover.Web.Features.Workers;

/// <summary>The bridge from a worker's rows to the rule book's coverage (R-COV-1..7).</summary>
public static class WorkerCoverage
{
    public static CoverageHistory HistoryOf(Worker w, IEnumerable<Payment> payments) =>
        new(
            w.Scheme,
            w.Stage,
            w.ContractMonths,
            payments.Select(p => new PaymentRecord(p.Kind, p.PaidOn, p.Months, p.Amount)),
            w.DepartedOn,
            w.ArrivedOn,
            w.FailedDepartureOn,
            w.DiedOn);

    /// <summary>Coverage on <paramref name="date"/> of a worker whose payments are loaded.</summary>
    public static CoverageStatus On(Worker w, DateOnly date) => Coverage.On(HistoryOf(w, w.Payments), date);

    /// <summary>
    /// Recomputes the stored cover snapshot (phase, from, until) that the admin gaps query. Call it
    /// after every change to a worker's payments or stage, with its payments loaded.
    /// </summary>
    public static void Refresh(Worker w, DateOnly today)
    {
        var summary = Coverage.Summary(HistoryOf(w, w.Payments), today);
        w.CoverPhase = summary.Phase;
        w.CoveredFrom = summary.CoveredFrom;
        w.CoveredUntil = summary.CoveredUntil;
    }
}
