using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MigrantCover.Domain;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Resources;

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
    /// <summary>RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in Rows)
        {
            sb.AppendJoin(',', row.Select(c => Quote(c.Raw))).Append("\r\n");
        }

        return sb.ToString();
    }

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>Turns the report into the dashboard's tables, in the request's language.</summary>
public static class StatsTables
{
    public const string Totals = "totals";
    public const string Gaps = "gaps";
    public const string ByDestination = "byDestination";
    public const string ByProvince = "byProvince";
    public const string BySex = "bySex";
    public const string ByScheme = "byScheme";
    public const string ByAgency = "byAgency";
    public const string ByOccupation = "byOccupation";
    public const string ByMonth = "byMonth";
    public const string ByDepartureMonth = "byDepartureMonth";
    public const string ContributionsByKind = "contributionsByKind";
    public const string ContributionsByMonth = "contributionsByMonth";

    public static IReadOnlyList<StatsTable> All(EnrollmentReport r, IStringLocalizer<AdminResource> t)
    {
        StatsColumn Text(string key) => new(t[key], CellKind.Text);
        StatsColumn Count(string key) => new(t[key], CellKind.Count);
        StatsColumn Money(string key) => new(t[key], CellKind.Money);
        IReadOnlyList<StatsCell> Row(params object[] values) => [.. values.Select(v => new StatsCell(v))];
        string Label(string prefix, string code) => t[prefix + code].ResourceNotFound ? code : t[prefix + code];

        StatsTable Split(string id, string caption, string keyHeader, IReadOnlyList<Breakdown> rows, Func<string, string>? name = null) =>
            new(id, t[caption], name is null
                    ? [Text(keyHeader), Count("ColCandidates"), Count("ColPlaced"), Count("ColAllStages")]
                    : [Text("ColCode"), Text(keyHeader), Count("ColCandidates"), Count("ColPlaced"), Count("ColAllStages")],
                [.. rows.Select(b => name is null
                    ? Row(b.Key, b.Candidates, b.Placed, b.Registered)
                    : Row(b.Key, name(b.Key), b.Candidates, b.Placed, b.Registered))]);

        var gapLink = (GapKind kind) => "/Admin/Gaps?kind=" + GapsModel.Code(kind);
        var gaps = new (GapKind Kind, int Count)[]
        {
            (GapKind.DepartedWithoutCover, r.Gaps.DepartedWithoutCover),
            (GapKind.PreplacementLapsed, r.Gaps.PreplacementLapsed),
            (GapKind.PreplacementEndingIn30Days, r.Gaps.PreplacementEndingIn30Days),
            (GapKind.PlacementEndingIn30Days, r.Gaps.PlacementEndingIn30Days),
            (GapKind.PlacementEndingIn60Days, r.Gaps.PlacementEndingIn60Days),
            (GapKind.PlacementEndingIn90Days, r.Gaps.PlacementEndingIn90Days),
        };

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
                [.. gaps.Select(g => (IReadOnlyList<StatsCell>)[new StatsCell(t["Gap_" + GapsModel.Code(g.Kind)].Value), new StatsCell(g.Count, gapLink(g.Kind))])]),
            Split(ByDestination, "TableByDestination", "ColDestination", r.ByDestination),
            new(ByProvince, t["TableByProvince"], [Text("ColCode"), Text("ColProvince"), Count("ColCandidates"), Count("ColPlaced"), Count("ColAllStages")],
                [.. r.ByProvince.Select(p => Row(p.Key, p.Name, p.Candidates, p.Placed, p.Registered))]),
            Split(BySex, "TableBySex", "ColSex", r.BySex, code => Label("Sex_", code)),
            Split(ByScheme, "TableByScheme", "ColScheme", r.ByScheme, code => Label("Scheme_", code)),
            Split(ByAgency, "TableByAgency", "ColAgency", r.ByAgency),
            Split(ByOccupation, "TableByOccupation", "ColOccupation", r.ByOccupation),
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
}
