namespace MigrantCover.Web.Tests.Workers;

/// <summary>The worker's history names every field it audits in words, never by its property name.</summary>
public class HistoryLabelTests
{
    [Fact]
    public void EveryAuditedWorkerFieldHasALabelOfItsOwn()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var audited = db.Model.FindEntityType(typeof(Worker))!.GetProperties()
            .Where(p => !p.IsPrimaryKey() && !AppDbContext.UnauditedWorkerFields.Contains(p.Name))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .ToList();

        Assert.Contains("membershipNumber", audited);
        Assert.DoesNotContain(audited, f => !RuleText.HasLabel(f));
    }
}
