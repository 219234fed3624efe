namespace MigrantCover.Domain.Tests;

/// <summary>Valid inputs (the sample worker of docs/api.md), varied per test with <c>with</c>.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 1, 6);

    /// <summary>The sample worker (tests/Shared), registered on <see cref="Today"/>.</summary>
    public static RegistrationFacts Siti => SampleWorker.Facts;

    /// <summary>A person born on <paramref name="dob"/> with a matching NIK.</summary>
    public static RegistrationFacts BornOn(DateOnly dob, DateOnly registeredOn) => Siti with
    {
        DateOfBirth = dob,
        Nik = Nik.Build("33", "02", "22", dob, Sex.Female, 3),
        RegisteredOn = registeredOn,
    };

    public static IReadOnlyList<RuleFailure> Register(RegistrationFacts facts, DateOnly? today = null) =>
        Registration.Check(facts, today ?? facts.RegisteredOn ?? Today, Restrictions.Kepmenaker260);

    public static PaymentRecord Pay(PaymentKind kind, DateOnly on, int? months = null, long amount = 0) => new(kind, on, months, amount);

    public static CoverageHistory History(
        Scheme scheme,
        int contractMonths,
        PaymentRecord[] payments,
        DateOnly? departedOn = null,
        DateOnly? arrivedOn = null,
        DateOnly? failedOn = null,
        DateOnly? diedOn = null,
        Stage? stage = null)
    {
        var s = stage ?? (diedOn is not null ? Stage.Deceased
            : failedOn is not null ? Stage.FailedDeparture
            : arrivedOn is not null ? Stage.Returned
            : departedOn is not null ? Stage.Placed
            : Stage.Candidate);
        return new CoverageHistory(scheme, s, contractMonths, payments, departedOn, arrivedOn, failedOn, diedOn);
    }

    public static DateOnly D(int y, int m, int d) => new(y, m, d);
}
