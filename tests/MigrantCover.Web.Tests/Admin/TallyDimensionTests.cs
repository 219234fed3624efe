using System.Resources;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using MigrantCover.Web.Resources;

namespace MigrantCover.Web.Tests.Admin;

/// <summary>
/// A dashboard dimension is one declaration (TallyDimensions.Breakdowns): everything that counts or
/// shows it is derived from it, so a new one cannot be half added.
/// </summary>
public class TallyDimensionTests
{
    public static TheoryData<string> Dimensions() => [.. TallyDimensions.Breakdowns.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void EveryDimensionIsInTheRebuildTheEdgeQueryAndTheBackfill(string name)
    {
        var d = TallyDimensions.Of(name);
        var select = $"'{d.Name}', {d.Sql}, count(*), count(membership_number) FROM workers";
        foreach (var postgres in new[] { false, true })
        {
            Assert.Contains(TallySql.Rebuild(postgres), sql => sql.Contains(select, StringComparison.Ordinal) && sql.Contains($"GROUP BY registered_month, stage, {d.Sql}", StringComparison.Ordinal));
        }

        Assert.Contains($"'w', registered_month, stage, {select}", TallySql.EdgeDays(), StringComparison.Ordinal);
        Assert.Contains(select, TallySql.Backfill(d), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void EveryDimensionIsCoveredByThePostgresIndexOfTheEdgeDays(string name)
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        var model = db.GetService<IDesignTimeModel>().Model;
        var index = model.FindEntityType(typeof(Worker))!.GetIndexes().Single(i => i.Name == "ix_workers_registered_on_tallied");
        Assert.Contains(TallyDimensions.Of(name).Property, index.GetIncludeProperties() ?? []);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void EveryDimensionIsAListOfTheReportAndATableOfTheDashboardInBothLanguages(string name)
    {
        var d = TallyDimensions.Of(name);
        var report = EnrollmentReport.Build(new DateOnly(2026, 3, 1), null, null, [], [], [], new GapCounts(0, 0, 0, 0, 0, 0));
        Assert.Empty(report.Breakdown(d));
        Assert.StartsWith("by", d.ReportKey, StringComparison.Ordinal);

        var texts = new ResourceManager(typeof(AdminResource).FullName!, typeof(AdminResource).Assembly);
        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            Assert.False(string.IsNullOrEmpty(texts.GetString("TableBy" + pascal, culture)), $"TableBy{pascal} ({culture.Name})");
            Assert.False(string.IsNullOrEmpty(texts.GetString("Col" + pascal, culture)), $"Col{pascal} ({culture.Name})");
        }

        Assert.NotEqual(texts.GetString("TableBy" + pascal, CultureInfo.InvariantCulture), texts.GetString("TableBy" + pascal, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void AWorkerCountsOnceInTheTotalsAndOnceInEachDimension()
    {
        var facts = new Tallies.WorkerFacts(202601, Domain.Stage.Candidate, [.. TallyDimensions.Breakdowns.Select(d => "v-" + d.Name)], null, true, null, null);
        var rows = Tallies.Of(facts).ToList();
        Assert.Equal([TallyDimensions.All, .. TallyDimensions.Breakdowns.Select(d => d.Name)], rows.Select(r => r.Key.Dimension));
        Assert.All(rows.Skip(1), r => Assert.Equal("v-" + r.Key.Dimension, r.Key.Value));
        Assert.All(rows, r => Assert.Equal((1L, 1L), (r.Workers, r.Participants)));
    }
}
