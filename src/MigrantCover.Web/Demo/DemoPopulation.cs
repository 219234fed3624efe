using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Demo;

/// <summary>
/// A deterministic, realistic demo population (rule book §12, <see cref="PopulationTables"/>):
/// destinations, provinces, about 60% women, every stage, and payments priced by the rule set in force on
/// their dates. Pure: it builds rows; the seeder saves them.
/// </summary>
public sealed class DemoPopulation(DateOnly today, int seed = 2026)
{
    private static readonly string[] WomenNames = ["Siti Aminah", "Sri Wahyuni", "Nur Hidayah", "Dewi Lestari", "Yuliana", "Rina Marlina", "Wati Susanti", "Ani Rahmawati", "Lilis Suryani", "Eka Fitriani", "Rohmah", "Juwariyah", "Endang Purwanti", "Tri Handayani", "Baiq Nurul", "Ni Made Ayu"];
    private static readonly string[] MenNames = ["Ahmad Fauzi", "Budi Santoso", "Agus Setiawan", "Joko Susilo", "Muhammad Rizki", "Slamet Riyadi", "Hendra Gunawan", "Lalu Ahmad", "Dedi Kurniawan", "Rudi Hartono", "I Ketut Arsa", "Wahyu Pratama"];
    private static readonly string[] Agencies = ["PT Bina Karya Sejahtera", "PT Mitra Tenaga Mandiri", "PT Cahaya Abadi Nusantara", "PT Duta Putra Jaya", "PT Surya Langgeng", "PT Avida Nusa"];
    private static readonly string[] Places = ["Surabaya", "Malang", "Cilacap", "Kendal", "Indramayu", "Cirebon", "Selong", "Praya", "Lampung Timur", "Medan", "Denpasar", "Serang"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<int, long> _sequences = [];

    /// <summary>Last membership sequence issued per year, to be stored in membership_counters.</summary>
    public IReadOnlyDictionary<int, long> Sequences => _sequences;

    public IEnumerable<Worker> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Build(i);
        }
    }

    private Worker Build(int index)
    {
        var female = _random.Next(100) < PopulationTables.WomenPercent;
        var sex = female ? Sex.Female : Sex.Male;
        var (province, regencies, _) = PopulationTables.Pick(_random, PopulationTables.Origins, o => o.Weight);
        var regency = regencies[_random.Next(regencies.Length)];
        var destination = PopulationTables.Pick(_random, PopulationTables.Destinations, d => d.Weight).Code;
        // Registrations go back up to about five years, so everyone was an adult then (R-AGE-1).
        var dob = today.AddYears(-_random.Next(24, 50)).AddDays(-_random.Next(0, 365));
        var scheme = _random.Next(100) switch { < 80 => Scheme.Agency, < 88 => Scheme.Government, < 94 => Scheme.Company, _ => Scheme.Individual };

        // About half informal (domestic, caregiver); none against an active restriction (R-DST-2) or R-SCH-2.
        var restricted = Restrictions.Active(Restrictions.Kepmenaker260, destination, Category.Domestic, today) is not null;
        var category = _random.Next(100) switch
        {
            < 46 when scheme != Scheme.Individual && !restricted => Category.Domestic,
            < 92 => Category.Formal,
            < 96 => Category.Seafarer,
            _ => Category.Fisher,
        };
        var occupation = category switch
        {
            // As an officer types them: in Indonesian (the dashboard counts by this text).
            Category.Domestic => female ? (_random.Next(2) == 0 ? "pekerja rumah tangga" : "pengasuh lansia") : "tukang kebun",
            Category.Seafarer => "anak buah kapal",
            Category.Fisher => "nelayan",
            _ => new[] { "operator pabrik", "pekerja perkebunan", "pekerja konstruksi", "perawat", "tukang las" }[_random.Next(5)],
        };
        var contract = _random.Next(100) switch { < 60 => 24, < 80 => 12, < 92 => 18, _ => 36 };
        var names = female ? WomenNames : MenNames;
        var name = names[_random.Next(names.Length)] + (_random.Next(3) == 0 ? " " + names[_random.Next(names.Length)].Split(' ')[0] : "");

        var w = new Worker
        {
            Id = Guid.CreateVersion7(),
            Nik = Nik.Build(province, regency[2..], "0" + _random.Next(1, 10), dob, sex, (index % 9999) + 1),
            FamilyCardNumber = $"{regency}{_random.Next(10, 99)}{_random.Next(100000, 999999)}{_random.Next(1000, 9999)}",
            FullName = name,
            Sex = sex,
            DateOfBirth = dob,
            PlaceOfBirth = Places[_random.Next(Places.Length)],
            Address = $"Dusun {_random.Next(1, 12)} RT {_random.Next(1, 9):00}/RW {_random.Next(1, 9):00}",
            Phone = $"+628{_random.Next(11, 99)}{_random.Next(1000000, 9999999)}",
            Purpose = Purpose.Work,
            Category = category,
            Scheme = scheme,
            AgencyName = scheme == Scheme.Agency ? Agencies[_random.Next(Agencies.Length)] : null,
            AgencyLicence = scheme == Scheme.Agency ? $"KEP.{_random.Next(100, 999)}/{_random.Next(2019, 2025)}" : null,
            DestinationCountry = destination,
            Occupation = occupation,
            ContractMonths = contract,
            Stage = Stage.Candidate,
        };

        Scenario(w);
        WorkerCoverage.Refresh(w, today);
        return w;
    }

    // One of the life stories of §9, with dates and payments that agree with the rule book.
    private void Scenario(Worker w)
    {
        var roll = _random.Next(100);
        var individual = w.Scheme == Scheme.Individual;
        if (roll < 8)
        {
            Register(w, today.AddDays(-_random.Next(0, 60)));
            return;
        }

        if (roll < 11)
        {
            var registered = Register(w, today.AddDays(-_random.Next(10, 300)));
            Event(w, StageEventKind.Withdrawal, Stage.Withdrawn, registered.AddDays(_random.Next(1, 9)), "Calon mengundurkan diri");
            return;
        }

        if (roll < 27)
        {
            // Candidate in pre-departure training: cover running, or (older payments) lapsed (R-COV-2).
            var paid = today.AddDays(-_random.Next(0, roll < 22 ? 140 : 400));
            var registered = Register(w, paid.AddDays(-_random.Next(0, 10)));
            Pay(w, individual ? PaymentKind.Placement : PaymentKind.PrePlacement, individual ? Max(registered, today.AddDays(-_random.Next(0, 20))) : paid);
            return;
        }

        if (roll < 30)
        {
            var paid = today.AddDays(-_random.Next(20, 300));
            var registered = Register(w, paid.AddDays(-_random.Next(0, 10)));
            if (!individual)
            {
                Pay(w, PaymentKind.PrePlacement, paid);
            }

            Event(w, StageEventKind.FailedDeparture, Stage.FailedDeparture, Max(registered, paid).AddDays(_random.Next(5, 60)), "Visa kerja ditolak");
            return;
        }

        // Departed: placed now, returned, or died abroad.
        var returned = roll >= 86;
        var departed = returned
            ? today.AddMonths(-(w.ContractMonths + 1)).AddDays(-_random.Next(0, 300))
            : today.AddDays(-_random.Next(1, (w.ContractMonths * 30) - 5));
        var prePaid = departed.AddDays(-_random.Next(30, 120));
        Register(w, prePaid.AddDays(-_random.Next(0, 14)));
        if (!individual)
        {
            Pay(w, PaymentKind.PrePlacement, prePaid);
        }

        Pay(w, PaymentKind.Placement, departed.AddDays(-_random.Next(1, 25)));
        VerifyDocuments(w, departed.AddDays(-_random.Next(1, 30)));
        w.EmployerName = $"Employer {w.DestinationCountry}-{_random.Next(1000, 9999)}";
        w.DepartedOn = departed;
        Event(w, StageEventKind.Departure, Stage.Placed, departed, null);

        if (_random.Next(100) < 15)
        {
            Pay(w, PaymentKind.Jht, departed.AddDays(_random.Next(0, 60)), months: 12, monthly: 100_000);
        }

        if (returned)
        {
            var arrived = departed.AddMonths(w.ContractMonths).AddDays(-_random.Next(0, 20));
            if (arrived > today)
            {
                arrived = today;
            }

            w.ArrivedOn = arrived;
            Event(w, StageEventKind.Return, Stage.Returned, arrived, null);
        }
        else if (roll == 85)
        {
            w.DiedOn = departed.AddDays(_random.Next(1, 200)) is var died && died <= today ? died : today;
            Event(w, StageEventKind.Death, Stage.Deceased, w.DiedOn.Value, "Dilaporkan oleh perwakilan RI");
        }
        else if (roll >= 78 && departed.AddMonths(w.ContractMonths).AddDays(-1) is var contractEnd && contractEnd <= today.AddDays(45) && contractEnd >= today.AddDays(-25))
        {
            // Near the end of the contract: an extension of 12 months (R-COV-5, R-TAR-4).
            var paidOn = contractEnd.AddDays(-_random.Next(0, 20));
            if (paidOn <= today)
            {
                var payment = Pay(w, PaymentKind.Extension, paidOn, months: 12);
                w.ExtensionMonths += 12;
                Event(w, StageEventKind.Extension, Stage.Placed, paidOn, null, 12, payment.Id);
            }
        }
    }

    private DateOnly Register(Worker w, DateOnly on)
    {
        w.RegisteredOn = on;
        w.PlacementAgreementSignedOn = on.AddDays(-_random.Next(0, 10));
        w.StageEvents.Add(StageEvent.Of(w, StageEventKind.Registration, null, Stage.Candidate, on, new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), "demo"));
        return on;
    }

    private Payment Pay(Worker w, PaymentKind kind, DateOnly on, int? months = null, long? monthly = null)
    {
        if (on > today)
        {
            on = today;
        }

        var tariff = Tariff.Expected(kind, w.Scheme, w.ContractMonths, on, months, monthly);
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            WorkerId = w.Id,
            Kind = kind,
            Amount = tariff.Amount ?? throw new InvalidOperationException($"Demo payment cannot be priced: {string.Join(", ", tariff.Failures)}"),
            PaidOn = on,
            Reference = $"DEMO-{on:yyyyMMdd}-{_random.Next(0, int.MaxValue):X8}",
            Months = months,
            MonthlyAmount = monthly,
            RuleSet = tariff.RuleSet!.Id,
            RecordedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
            RecordedBy = "demo",
        };
        w.Payments.Add(payment);

        // R-KPJ-2: the first contribution makes the worker a participant with a membership number.
        if (w.MembershipNumber is null)
        {
            var next = _sequences.GetValueOrDefault(on.Year) + 1;
            _sequences[on.Year] = next;
            w.MembershipNumber = MembershipNumber.Issue(on.Year, next);
        }

        return payment;
    }

    private void VerifyDocuments(Worker w, DateOnly on)
    {
        w.PassportNumber = $"{(char)('A' + _random.Next(0, 26))}{_random.Next(1000000, 9999999)}";
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            w.Documents.Add(new DocumentVerification
            {
                Id = Guid.CreateVersion7(),
                WorkerId = w.Id,
                Type = type,
                Verified = true,
                Reference = type == DocumentType.Passport ? w.PassportNumber : $"DOC-{_random.Next(10000, 99999)}",
                VerifiedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero),
                VerifiedBy = "demo",
            });
        }
    }

    private void Event(Worker w, StageEventKind kind, Stage to, DateOnly on, string? reason, int? months = null, Guid? paymentId = null)
    {
        var e = StageEvent.Of(w, kind, w.Stage, to, on, new DateTimeOffset(on.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), "demo");
        e.Reason = reason;
        e.Months = months;
        e.PaymentId = paymentId;
        w.StageEvents.Add(e);
        w.Stage = to;
        switch (kind)
        {
            case StageEventKind.FailedDeparture:
                w.FailedDepartureOn = on;
                break;
            case StageEventKind.Withdrawal:
                w.WithdrawnOn = on;
                break;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
