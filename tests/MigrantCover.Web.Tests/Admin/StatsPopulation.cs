namespace MigrantCover.Web.Tests.Admin;

/// <summary>One arranged worker of a known population: what it is, and what the dashboard should count.</summary>
public sealed record PopulationWorker(
    string Tag,
    Stage Stage,
    string Destination,
    string Province,
    Sex Sex,
    Scheme Scheme,
    string? Agency,
    string Occupation,
    DateOnly RegisteredOn,
    DateOnly? DepartedOn,
    int ContractMonths,
    (PaymentKind Kind, DateOnly PaidOn, long Amount)[] Payments)
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public string Name => "Pekerja " + Tag;
}

/// <summary>
/// Builds workers with payments, NIKs of the wanted province, membership numbers when paid, and the
/// cover snapshot refreshed by the domain (WorkerCoverage.Refresh) as officers' pages would.
/// </summary>
public static class StatsPopulation
{
    private static int _serial;

    public static async Task ArrangeAsync(AppFactory factory, IEnumerable<PopulationWorker> workers, DateOnly snapshotOn)
    {
        await factory.WithDbAsync(async db =>
        {
            foreach (var p in workers)
            {
                var serial = Interlocked.Increment(ref _serial);
                var dob = new DateOnly(1990, 1, 1).AddDays(serial % 3000);
                var w = new Worker
                {
                    Id = p.Id,
                    Nik = Nik.Build(p.Province, "01", "01", dob, p.Sex, (serial % 9999) + 1),
                    FamilyCardNumber = p.Province + "01010101090007",
                    FullName = p.Name,
                    Sex = p.Sex,
                    DateOfBirth = dob,
                    PlaceOfBirth = "Kota",
                    Address = "Jl. Uji 1",
                    Purpose = Purpose.Work,
                    Category = Category.Formal,
                    Scheme = p.Scheme,
                    AgencyName = p.Agency,
                    DestinationCountry = p.Destination,
                    Occupation = p.Occupation,
                    ContractMonths = p.ContractMonths,
                    Stage = p.Stage,
                    RegisteredOn = p.RegisteredOn,
                    DepartedOn = p.DepartedOn,
                    MembershipNumber = p.Payments.Length > 0 ? MembershipNumber.Issue(2026, 500_000 + serial) : null,
                };
                foreach (var (kind, paidOn, amount) in p.Payments)
                {
                    w.Payments.Add(TestData.Payment(w.Id, kind, amount, paidOn, recordedAt: factory.Clock.GetUtcNow()));
                }

                WorkerCoverage.Refresh(w, snapshotOn);
                db.Workers.Add(w);
            }

            await db.SaveChangesAsync();
        });
    }
}
