namespace MigrantCover.Web.Tests.Workers;

/// <summary>The worker's history names every field it audits in words, never by its property name.</summary>
public class HistoryLabelTests
{
    [Fact]
    public void EveryAuditedWorkerFieldHasALabelOfItsOwn()
    {
        var audited = Audited(typeof(Worker), AppDbContext.UnauditedWorkerFields);
        Assert.Contains("membershipNumber", audited);
        Assert.DoesNotContain(audited, f => !RuleText.HasLabel(f));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public void EveryAuditedHeirFieldHasALabelOfItsOwn()
    {
        // The worker it belongs to never changes.
        var audited = Audited(typeof(Heir), AppDbContext.UnauditedHeirFields.Append(nameof(Heir.WorkerId)).ToHashSet());
        Assert.Contains("endedOn", audited);
        Assert.DoesNotContain(audited, f => !RuleText.HasLabel(f));
    }

    private static List<string> Audited(Type entity, IReadOnlySet<string> unaudited)
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        return [.. db.Model.FindEntityType(entity)!.GetProperties()
            .Where(p => !p.IsPrimaryKey() && !unaudited.Contains(p.Name))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])];
    }
}
