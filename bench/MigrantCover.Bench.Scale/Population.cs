using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Demo;

namespace MigrantCover.Bench.Scale;

/// <summary>
/// A realistic worker population (the §12 tables of the demo, PopulationTables), generated deterministically from the
/// worker's index, so that each COPY pass (workers, payments, stage events) sees the same worker.
/// </summary>
public sealed class Population(DateOnly today)
{
    public const string RecordedBy = "bench";

    // Weights per thousand.
    private static readonly (Stage Stage, int Weight)[] Stages =
        [(Stage.Candidate, 300), (Stage.Placed, 550), (Stage.Returned, 100), (Stage.FailedDeparture, 20), (Stage.Withdrawn, 28), (Stage.Deceased, 2)];

    private static readonly (Scheme Scheme, int Weight)[] Schemes =
        [(Scheme.Agency, 700), (Scheme.Government, 100), (Scheme.Company, 50), (Scheme.Individual, 150)];

    private static readonly string[] FemaleNames = ["Siti", "Sri", "Nur", "Dewi", "Rina", "Wati", "Lestari", "Yuni", "Ani", "Eka", "Tri", "Rahayu", "Aminah", "Fitri", "Kartini"];

    private static readonly string[] MaleNames = ["Budi", "Agus", "Joko", "Slamet", "Eko", "Hadi", "Rudi", "Bambang", "Andi", "Dedi", "Wahyu", "Yusuf", "Ahmad", "Hendra", "Imam"];

    private static readonly string[] FamilyNames = ["Susanti", "Wijaya", "Santoso", "Hidayat", "Saputra", "Setiawan", "Purnomo", "Rahman", "Kurniawan", "Pratama", "Utami", "Handayani", "Maulana", "Nugroho"];

    private static readonly string[] Agencies = [.. Enumerable.Range(1, 240).Select(i => $"PT Mitra Karya Nusantara {i:000}")];

    public DateOnly Today { get; } = today;

    public sealed record Generated(Worker Worker, List<Payment> Payments, List<StageEvent> Events);

    public Generated Generate(int index, Func<int, long> nextMembershipSequence)
    {
        var rng = new Random(7_260_2015 ^ index);
        var sex = rng.Next(100) < PopulationTables.WomenPercent ? Sex.Female : Sex.Male;
        var province = PopulationTables.Pick(rng, PopulationTables.Origins, o => o.Weight).Province;
        var destination = PopulationTables.Pick(rng, PopulationTables.Destinations, d => d.Weight).Code;
        var scheme = PopulationTables.Pick(rng, Schemes, s => s.Weight).Scheme;
        var category = sex == Sex.Female && rng.NextDouble() < 0.7 ? Category.Domestic : rng.NextDouble() < 0.85 ? Category.Formal : (rng.NextDouble() < 0.6 ? Category.Seafarer : Category.Fisher);
        if (category == Category.Domestic && destination is "SA" or "AE" or "QA")
        {
            // R-DST-2: no domestic placements to the Middle East household employers.
            category = Category.Formal;
        }

        var occupation = category switch
        {
            Category.Domestic => rng.NextDouble() < 0.6 ? "caregiver" : "domestic helper",
            Category.Seafarer => "deck crew",
            Category.Fisher => "fisher",
            _ => rng.Next(4) switch { 0 => "factory operator", 1 => "plantation worker", 2 => "construction worker", _ => "nurse" },
        };
        var dob = new DateOnly(1975, 1, 1).AddDays(rng.Next(0, 365 * 28));
        var registered = Today.AddDays(-rng.Next(0, 3 * 365));
        var contract = rng.Next(3) switch { 0 => 12, 1 => 24, _ => 36 };
        var stage = PopulationTables.Pick(rng, Stages, s => s.Weight).Stage;

        // A NIK unique per index: regency, district and serial come from the index.
        var serial = (index % 9999) + 1;
        var regency = ((index / 9999) % 98) + 1;
        var district = ((index / (9999 * 98)) % 98) + 1;
        var nik = Nik.Build(province, $"{regency:00}", $"{district:00}", dob, sex, serial);
        var first = sex == Sex.Female ? FemaleNames[rng.Next(FemaleNames.Length)] : MaleNames[rng.Next(MaleNames.Length)];
        var name = $"{first} {FamilyNames[rng.Next(FamilyNames.Length)]}";
        var w = new Worker
        {
            Id = GuidOf(index, 0),
            Nik = nik,
            FamilyCardNumber = string.Concat(nik.AsSpan(0, 6), $"{rng.Next(1, 28):00}{rng.Next(1, 13):00}{rng.Next(0, 100):00}{rng.Next(1, 9999):0000}"),
            FullName = name,
            NameKey = Worker.NameKeyOf(name),
            Sex = sex,
            DateOfBirth = dob,
            PlaceOfBirth = Provinces.NameOf(province)!,
            Address = $"Jl. Desa {rng.Next(1, 200)}, {Provinces.NameOf(province)}",
            Phone = $"+628{rng.Next(100_000_000, 999_999_999)}",
            Purpose = Purpose.Work,
            Category = category,
            Scheme = scheme,
            AgencyName = scheme == Scheme.Agency ? Agencies[rng.Next(Agencies.Length)] : null,
            AgencyLicence = scheme == Scheme.Agency ? $"KEP.{rng.Next(1, 999)}/2024" : null,
            DestinationCountry = destination,
            Occupation = occupation,
            ContractMonths = contract,
            PlacementAgreementSignedOn = registered,
            Stage = Stage.Candidate,
            RegisteredOn = registered,
            RegisteredMonth = DateKeys.Month(registered),
            ProvinceCode = province,
            RegencyCode = nik[..4],
            CreatedAt = new DateTimeOffset(registered.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero),
            Version = 1,
        };
        w.UpdatedAt = w.CreatedAt;
        var payments = new List<Payment>();
        var events = new List<StageEvent> { Event(w, index, 0, StageEventKind.Registration, null, Stage.Candidate, registered) };

        DateOnly Clamp(DateOnly d) => d > Today ? Today : d;
        void Pay(PaymentKind kind, DateOnly on, int? months = null, long? monthly = null)
        {
            var expected = Tariff.Expected(kind, scheme, contract, on, months, monthly);
            if (expected.Amount is not { } amount)
            {
                return;
            }

            if (w.MembershipNumber is null)
            {
                w.MembershipNumber = MembershipNumber.Issue(on.Year, nextMembershipSequence(on.Year));
            }

            payments.Add(new Payment
            {
                Id = GuidOf(index, 10 + payments.Count),
                WorkerId = w.Id,
                Kind = kind,
                Amount = amount,
                PaidOn = on,
                PaidMonth = DateKeys.Month(on),
                Reference = $"BNK{index:0000000}-{payments.Count}",
                Months = months,
                MonthlyAmount = monthly,
                RuleSet = expected.RuleSet!.Id,
                RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero),
                RecordedBy = RecordedBy,
            });
        }

        var prePaid = scheme != Scheme.Individual && stage != Stage.Withdrawn && (stage != Stage.Candidate || rng.NextDouble() < 0.85);
        if (prePaid)
        {
            Pay(PaymentKind.PrePlacement, Clamp(registered.AddDays(rng.Next(0, 8))));
        }

        // Departure 30–120 days after registration; too recent a registration stays a candidate.
        var departed = registered.AddDays(rng.Next(30, 121));
        if (stage is Stage.Placed or Stage.Returned or Stage.Deceased && departed > Today)
        {
            stage = Stage.Candidate;
        }

        switch (stage)
        {
            case Stage.Candidate:
                if (scheme == Scheme.Individual && rng.NextDouble() < 0.5)
                {
                    Pay(PaymentKind.Placement, Clamp(registered.AddDays(rng.Next(0, 20))));
                }

                break;
            case Stage.Placed or Stage.Returned or Stage.Deceased:
                Pay(PaymentKind.Placement, departed.AddDays(-rng.Next(1, 25)));
                w.DepartedOn = departed;
                w.DepartedMonth = DateKeys.Month(departed);
                w.Stage = Stage.Placed;
                events.Add(Event(w, index, 1, StageEventKind.Departure, Stage.Candidate, Stage.Placed, departed));
                if (rng.NextDouble() < 0.1)
                {
                    Pay(PaymentKind.Jht, Clamp(departed.AddDays(rng.Next(1, 60))), 3, 100_000);
                }

                if (stage == Stage.Returned)
                {
                    var back = departed.AddMonths(contract).AddDays(-rng.Next(0, 40));
                    var arrived = back > Today ? Today.AddDays(-rng.Next(0, 20)) : back;
                    if (arrived <= departed)
                    {
                        arrived = departed.AddDays(1);
                    }

                    arrived = Clamp(arrived);
                    w.ArrivedOn = arrived;
                    w.Stage = Stage.Returned;
                    events.Add(Event(w, index, 2, StageEventKind.Return, Stage.Placed, Stage.Returned, arrived));
                }
                else if (stage == Stage.Deceased)
                {
                    var died = Clamp(departed.AddDays(rng.Next(10, 300)));
                    w.DiedOn = died;
                    w.Stage = Stage.Deceased;
                    events.Add(Event(w, index, 2, StageEventKind.Death, Stage.Placed, Stage.Deceased, died));
                }

                break;
            case Stage.FailedDeparture:
                var failed = Clamp(registered.AddDays(rng.Next(10, 60)));
                w.FailedDepartureOn = failed;
                w.Stage = Stage.FailedDeparture;
                events.Add(Event(w, index, 1, StageEventKind.FailedDeparture, Stage.Candidate, Stage.FailedDeparture, failed));
                break;
            case Stage.Withdrawn:
                var withdrawn = Clamp(registered.AddDays(rng.Next(1, 30)));
                w.WithdrawnOn = withdrawn;
                w.Stage = Stage.Withdrawn;
                events.Add(Event(w, index, 1, StageEventKind.Withdrawal, Stage.Candidate, Stage.Withdrawn, withdrawn));
                break;
        }

        // The stored cover snapshot, as WorkerCoverage.Refresh computes it.
        var summary = Coverage.Summary(
            new CoverageHistory(w.Scheme, w.Stage, w.ContractMonths, payments.Select(p => new PaymentRecord(p.Kind, p.PaidOn, p.Months, p.Amount)), w.DepartedOn, w.ArrivedOn, w.FailedDepartureOn, w.DiedOn),
            Today);
        w.CoverPhase = summary.Phase;
        w.CoveredFrom = summary.CoveredFrom;
        w.CoveredUntil = summary.CoveredUntil;
        return new Generated(w, payments, events);
    }

    private static StageEvent Event(Worker w, int index, int n, StageEventKind kind, Stage? from, Stage to, DateOnly on) => new()
    {
        Id = GuidOf(index, 100 + n),
        WorkerId = w.Id,
        Kind = kind,
        FromStage = from,
        ToStage = to,
        OccurredOn = on,
        RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero),
        RecordedBy = RecordedBy,
    };

    private static Guid GuidOf(int index, int n)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, index);
        BitConverter.TryWriteBytes(bytes[4..], n);
        bytes[15] = 0x6b;
        return new Guid(bytes);
    }
}
