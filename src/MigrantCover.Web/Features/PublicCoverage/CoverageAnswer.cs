using System.Text;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// The public lookup's answer (docs/api.md, "Coverage"): the coverage of one worker as the officers see it,
/// with the name masked, the stage and destination named, and each programme's status in plain words.
/// </summary>
public sealed record PublicCoverageAnswer(
    DateOnly AsOf,
    string FullName,
    Stage Stage,
    string StageLabel,
    string? MembershipNumber,
    string DestinationCountry,
    string DestinationCountryName,
    IReadOnlyList<PublicProgrammeAnswer> Programmes,
    string? RuleSet);

/// <summary>R-COV-7 for one programme, with <see cref="Message"/>: the status, or the reason and next step.</summary>
public sealed record PublicProgrammeAnswer(
    Programme Programme,
    string Name,
    bool Active,
    CoverPhase? Phase,
    DateOnly? CoveredFrom,
    DateOnly? CoveredUntil,
    InactiveReason? Reason,
    string Message);

/// <summary>One §10 benefit of the rule set in force, in the request's language.</summary>
public sealed record BenefitRow(string Key, string Description, string Amount);

public sealed class CoverageAnswers(TimeProvider clock, IStringLocalizer<CoverageResource> text)
{
    // Plain English names where the system's name is long ("Hong Kong SAR China").
    private static readonly Dictionary<string, string> EnglishCountryNames = new(StringComparer.Ordinal)
    {
        ["HK"] = "Hong Kong",
        ["MO"] = "Macao",
        ["TW"] = "Taiwan",
        ["KR"] = "South Korea",
    };

    /// <summary>
    /// "Today" for coverage: the date in Western Indonesia Time (UTC+7, no daylight saving), the
    /// calendar BPJS Ketenagakerjaan and the rule book count days in.
    /// </summary>
    public DateOnly Today => clock.Today();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The answer for <paramref name="worker"/>; <paramref name="byNik"/> when it was found by NIK, whose answer
    /// never shows the full membership number (decision 0009: only its last four digits).
    /// </summary>
    public PublicCoverageAnswer Of(Worker worker, bool byNik = false)
    {
        var language = Localization.Language;
        var today = Today;
        var status = WorkerCoverage.On(worker, today);
        var programmes = status.Programmes.Select(p => Programme(worker, p, language)).ToList();
        return new PublicCoverageAnswer(
            today,
            Mask(worker.FullName),
            worker.Stage,
            RuleText.Label(Codes.Of(worker.Stage), language),
            byNik ? MaskMembershipNumber(worker.MembershipNumber) : worker.MembershipNumber,
            worker.DestinationCountry,
            CountryName(worker.DestinationCountry, language),
            programmes,
            status.RuleSet?.Id);
    }

    /// <summary>§10: what the rule set in force today pays, amounts in rupiah (Rp85.000.000).</summary>
    public IReadOnlyList<BenefitRow> Benefits()
    {
        var language = Localization.Language;
        return RuleSets.For(Today)?.Benefits
            .Select(b => new BenefitRow(b.Key, language == "en" ? b.En : b.Id, RuleText.BenefitAmount(b, language)))
            .ToList() ?? [];
    }

    public string RuleSetTitle() => RuleSets.For(Today)?.Title ?? "";

    /// <summary>"*******1234": the last four digits of a membership number, the rest hidden.</summary>
    public static string? MaskMembershipNumber(string? number) =>
        number is { Length: > 4 } ? new string('*', number.Length - 4) + number[^4..] : number;

    /// <summary>"S*** A*****": the first letter of each word, the rest hidden.</summary>
    public static string Mask(string fullName)
    {
        var words = Input.WithoutInvisible(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sb = new StringBuilder(fullName.Length);
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var first = char.IsSurrogate(word[0]) && word.Length > 1 ? 2 : 1;
            sb.Append(word, 0, first).Append('*', Math.Max(0, new StringInfo(word).LengthInTextElements - 1));
        }

        return sb.ToString();
    }

    /// <summary>The destination's name: Indonesian names of the usual destinations (resources), plain English ones, else the system's English name.</summary>
    public string CountryName(string code, string language)
    {
        var name = language == "en" ? EnglishCountryNames.GetValueOrDefault(code) : text["Country_" + code] is { ResourceNotFound: false } indonesian ? indonesian.Value : null;
        if (name is not null)
        {
            return name;
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>"1 Maret 2026 10.00 WIB" / "1 March 2026 10:00 WIB".</summary>
    public static string Timestamp(DateTimeOffset at, string language)
    {
        var wib = at.InWib();
        var time = wib.ToString(language == "en" ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);
        return $"{RuleText.Date(DateOnly.FromDateTime(wib.DateTime), language)} {time} WIB";
    }

    /// <summary>
    /// "1 Maret 2026 10.00 WIB (11.00 waktu Hong Kong)": the moment in WIB and, when the worker's destination
    /// has one time zone, in hers too (with her date when it is another day there). Decision 0026.
    /// </summary>
    public string TimestampAt(DateTimeOffset at, string? destinationCountry, string language)
    {
        var wib = Timestamp(at, language);
        if (DestinationTime.ZoneOf(destinationCountry) is not { } zone || destinationCountry is null)
        {
            return wib;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = local.ToString(language == "en" ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);
        if (DateOnly.FromDateTime(local.DateTime) != DateOnly.FromDateTime(at.InWib().DateTime))
        {
            time = RuleText.Date(DateOnly.FromDateTime(local.DateTime), language) + " " + time;
        }

        return string.Format(CultureInfo.CurrentCulture, text["LocalTime"], wib, time, CountryName(destinationCountry, language));
    }

    private PublicProgrammeAnswer Programme(Worker worker, ProgrammeStatus p, string language)
    {
        var code = Codes.Of(p.Programme);
        return new PublicProgrammeAnswer(
            p.Programme,
            text[$"Programme_{code}"],
            p.Active,
            p.Phase,
            p.CoveredFrom,
            p.CoveredUntil,
            p.Reason,
            Message(worker, p, language));
    }

    // R-COV-7: each reason in plain words, with the date it refers to and the next step.
    private string Message(Worker worker, ProgrammeStatus p, string language)
    {
        string D(DateOnly? d) => d is { } x ? RuleText.Date(x, language) : "-";
        if (p.Active)
        {
            return p.Phase is { } phase
                ? Format("ActiveFrom", text[$"Phase_{Codes.Of(phase)}"], D(p.CoveredFrom), D(p.CoveredUntil))
                : Format("ActiveJht", D(p.CoveredFrom), D(p.CoveredUntil));
        }

        var hasPlacementPayment = worker.Payments.Any(x => x.Kind == PaymentKind.Placement);
        return p.Reason switch
        {
            InactiveReason.NotPaid => Format("Reason_not-paid"),
            InactiveReason.Lapsed when worker.Scheme == Scheme.Individual => Format("Reason_lapsed-individual", D(p.LastCoveredUntil)),
            InactiveReason.Lapsed => Format("Reason_lapsed", D(p.LastCoveredUntil)),
            InactiveReason.AwaitingDeparturePayment when hasPlacementPayment && worker.DepartedOn is null => Format("Reason_awaiting-departure"),
            InactiveReason.AwaitingDeparturePayment => Format("Reason_awaiting-departure-payment"),
            InactiveReason.Ended when p.Programme == Domain.Programme.Jht => Format("Reason_jht-ended", D(p.LastCoveredUntil)),
            InactiveReason.Ended => Format("Reason_ended", D(p.LastCoveredUntil ?? worker.ArrivedOn)),
            InactiveReason.FailedDeparture => Format("Reason_failed-departure", D(worker.FailedDepartureOn)),
            InactiveReason.Deceased => Format("Reason_deceased", D(worker.DiedOn)),
            InactiveReason.NotEnrolled => Format("Reason_not-enrolled"),
            _ => Format("Reason_unknown"),
        };
    }

    private string Format(string key, params object[] args) =>
        string.Format(CultureInfo.CurrentCulture, text[key], args);
}
