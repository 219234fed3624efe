using System.Text;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Csv;

namespace MigrantCover.Web.Pages.Admin;

public enum CellKind
{
    Text,
    Count,
    Money,
}

public sealed record StatsColumn(string Header, CellKind Kind);

/// <summary>One cell: its raw value (CSV) and, for gap counts, the list it links to.</summary>
public sealed record StatsCell(object Value, string? Link = null)
{
    public string Show(CellKind kind) => (kind, Value) switch
    {
        (CellKind.Money, long amount) => RuleText.Rupiah(amount),
        (CellKind.Count, int n) => n.ToString("N0", CultureInfo.CurrentCulture),
        (CellKind.Count, long n) => n.ToString("N0", CultureInfo.CurrentCulture),
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "",
    };

    public string Raw => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A dashboard table: what the page shows and the CSV export writes, from one definition.</summary>
public sealed record StatsTable(string Id, string Caption, IReadOnlyList<StatsColumn> Columns, IReadOnlyList<IReadOnlyList<StatsCell>> Rows)
{
    /// <summary>
    /// The export (Infrastructure/Csv: RFC 4180, no cell a spreadsheet runs as a formula): headers, then the
    /// raw values. The separator is a comma, or a semicolon for Excel set to Indonesian (its list separator,
    /// since the comma is its decimal separator).
    /// </summary>
    public CsvWriter ToCsv(char separator = ',')
    {
        var csv = new CsvWriter(separator).Row(Columns.Select(c => c.Header));
        foreach (var row in Rows)
        {
            csv.Row(row.Select(c => c.Value));
        }

        return csv;
    }
}

/// <summary>Turns the report into the dashboard's tables, in the request's language: one per breakdown dimension.</summary>
public static class StatsTables
{
    public const string Totals = "totals";
    public const string Gaps = "gaps";
    public const string ByMonth = "byMonth";
    public const string ByDepartureMonth = "byDepartureMonth";
    public const string ContributionsByKind = "contributionsByKind";
    public const string ContributionsByMonth = "contributionsByMonth";
    public const string ClaimsTotals = "claimsTotals";
    public const string ClaimsByType = "claimsByType";
    public const string ClaimsByState = "claimsByState";
    public const string ClaimsByMonth = "claimsByMonth";

    /// <summary>The table of a breakdown dimension (<see cref="TallyDimensions"/>): its report key, "byDestination".</summary>
    public static string Of(TallyDimension dimension) => dimension.ReportKey;

    public static bool IsBreakdown(StatsTable table) => TallyDimensions.Breakdowns.Any(d => d.ReportKey == table.Id);

    /// <param name="officeNames">Office code → name, shown beside the codes of the office table.</param>
    public static IReadOnlyList<StatsTable> All(EnrollmentReport r, IStringLocalizer<AdminResource> t, IReadOnlyDictionary<string, string>? officeNames = null)
    {
        StatsColumn Text(string key) => new(t[key], CellKind.Text);
        StatsColumn Count(string key) => new(t[key], CellKind.Count);
        StatsColumn Money(string key) => new(t[key], CellKind.Money);
        IReadOnlyList<StatsCell> Row(params object[] values) => [.. values.Select(v => new StatsCell(v))];
        string Label(string prefix, string code) => t[prefix + code].ResourceNotFound ? code : t[prefix + code];

        // A dimension's table: its code (with its name or label when it has one) and candidates, placed, all stages.
        StatsTable Split(TallyDimension d)
        {
            var pascal = char.ToUpperInvariant(d.Name[0]) + d.Name[1..];
            var language = Localization.Language;
            Func<Breakdown, string>? name =
                d == TallyDimensions.Destination ? b => Countries.Name(b.Key, language)
                : d == TallyDimensions.Office ? b => b.Key.Length == 0 ? t["NoOffice"] : officeNames?.GetValueOrDefault(b.Key) ?? b.Key
                : d == TallyDimensions.Agency ? null
                : d.NameOf is not null ? b => b.Name ?? b.Key : d.Labelled ? b => Label(pascal + "_", b.Key) : null;

            // Workers with no agency (individual scheme) are a row of their own, said in words.
            string Key(Breakdown b) => d == TallyDimensions.Agency && b.Key.Length == 0 ? t["NoAgency"] : b.Key;
            var counts = new[] { Count("ColCandidates"), Count("ColPlaced"), Count("ColAllStages") };
            return new(
                d.ReportKey,
                t["Table" + d.ReportKey[..1].ToUpperInvariant() + d.ReportKey[1..]],
                name is null ? [Text("Col" + pascal), .. counts] : [Text("ColCode"), Text("Col" + pascal), .. counts],
                [.. r.Breakdown(d).Select(b => name is null
                    ? Row(Key(b), b.Candidates, b.Placed, b.Registered)
                    : Row(b.Key, name(b), b.Candidates, b.Placed, b.Registered))]);
        }

        return
        [
            new(Totals, t["TableTotals"], [Text("ColFigure"), Count("ColWorkers")],
            [
                Row(t["TotalRegistered"].Value, r.Totals.Registered),
                Row(t["TotalCandidates"].Value, r.Totals.Candidates),
                Row(t["TotalPlaced"].Value, r.Totals.Placed),
                Row(t["TotalReturned"].Value, r.Totals.Returned),
                Row(t["TotalFailedDeparture"].Value, r.Totals.FailedDeparture),
                Row(t["TotalWithdrawn"].Value, r.Totals.Withdrawn),
                Row(t["TotalDeceased"].Value, r.Totals.Deceased),
                Row(t["TotalParticipants"].Value, r.Totals.Participants),
            ]),
            new(Gaps, string.Format(CultureInfo.CurrentCulture, t["TableGaps"], RuleText.Date(r.AsOf, Localization.Language)), [Text("ColGap"), Count("ColWorkers")],
                [.. CoverGaps.All.Select(g => (IReadOnlyList<StatsCell>)[new StatsCell(t["Gap_" + g.Code].Value), new StatsCell(r.Gaps.Of(g.Kind), "/Admin/Gaps?kind=" + g.Code)])]),
            .. TallyDimensions.Breakdowns.Select(Split),
            new(ByMonth, t["TableByMonth"], [Text("ColMonth"), Count("ColRegistered"), Count("ColCandidates"), Count("ColPlaced")],
                [.. r.ByMonth.Select(m => Row(m.Key, m.Registered, m.Candidates, m.Placed))]),
            new(ByDepartureMonth, t["TableByDepartureMonth"], [Text("ColMonth"), Count("ColDeparted")],
                [.. r.ByDepartureMonth.Select(m => Row(m.Key, m.Departed))]),
            new(ContributionsByKind, t["TableContributionsByKind"], [Text("ColCode"), Text("ColKind"), Count("ColPayments"), Money("ColAmount")],
                [.. r.Contributions.ByKind.Select(k => Row(k.Key, Label("Kind_", k.Key), k.Payments, k.Amount))]),
            new(ContributionsByMonth, t["TableContributionsByMonth"], [Text("ColMonth"), Count("ColPayments"), Money("ColAmount")],
                [.. r.Contributions.ByMonth.Select(m => Row(m.Key, m.Payments, m.Amount))]),
        ];
    }

    /// <summary>
    /// The claims section (GET /api/v1/stats/claims, the same <see cref="ClaimStatsReport"/>): totals, by type,
    /// by state, by month of report; counts and amounts, reported against paid. Codes beside the labels so
    /// that the CSV can be joined with the API's figures.
    /// </summary>
    public static IReadOnlyList<StatsTable> Claims(ClaimStatsReport r, IStringLocalizer<AdminResource> t)
    {
        StatsColumn Text(string key) => new(t[key], CellKind.Text);
        StatsColumn Count(string key) => new(t[key], CellKind.Count);
        StatsColumn Money(string key) => new(t[key], CellKind.Money);
        IReadOnlyList<StatsCell> Row(params object[] values) => [.. values.Select(v => new StatsCell(v))];
        var language = Localization.Language;
        var open = r.ByState.Where(s => s.Key is not (ClaimState.Paid or ClaimState.Rejected or ClaimState.Approved)).Sum(s => s.Amount);
        var totals = r.Totals;
        return
        [
            new(ClaimsTotals, t["TableClaimsTotals"], [Text("ColFigure"), Count("ColClaims"), Money("ColAmount")],
            [
                Row(t["ClaimsReported"].Value, totals.Reported, totals.ReportedAmount),
                Row(t["ClaimsOpen"].Value, totals.Open - totals.Approved, open),
                Row(t["ClaimsApprovedUnpaid"].Value, totals.Approved, totals.ApprovedAmount - totals.PaidAmount),
                Row(t["ClaimsPaid"].Value, totals.Paid, totals.PaidAmount),
                Row(t["ClaimsRejected"].Value, totals.Rejected, 0L),
            ]),
            new(ClaimsByType, t["TableClaimsByType"], [Text("ColCode"), Text("ColClaimType"), Count("ColReported"), Count("ColPaid"), Count("ColRejected"), Money("ColReportedAmount"), Money("ColPaidAmount")],
                [.. r.ByType.Select(x => Row(Codes.Of(x.Key), RuleText.Label(x.Key, language), x.Reported, x.Paid, x.Rejected, x.ReportedAmount, x.PaidAmount))]),
            new(ClaimsByState, t["TableClaimsByState"], [Text("ColCode"), Text("ColClaimState"), Count("ColClaims"), Money("ColAmount")],
                [.. r.ByState.Select(x => Row(Codes.Of(x.Key), RuleText.Label(x.Key, language), x.Claims, x.Amount))]),
            new(ClaimsByMonth, t["TableClaimsByMonth"], [Text("ColMonth"), Count("ColReported"), Money("ColReportedAmount"), Count("ColPaid"), Money("ColPaidAmount")],
                [.. r.ByMonth.Select(m => Row(m.Key, m.Reported, m.ReportedAmount, m.Paid, m.PaidAmount))]),
        ];
    }
}
