namespace MigrantCover.Web.Tests;

public abstract class MembershipNumberIssueTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public async Task ConcurrentIssuesGiveDistinctValidNumbersInSequence()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Factory.WithDbAsync(db => MembershipNumbers.IssueAsync(db, 2031))));

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(MembershipNumber.IsValid(n), n));
        Assert.All(numbers, n => Assert.StartsWith("31", n));
        Assert.Equal(Enumerable.Range(1, 20), numbers.Select(n => int.Parse(n[2..10], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }
}

public sealed class MembershipNumberIssueTestsOnSqlite(SqliteAppFactory f) : MembershipNumberIssueTests(f), IClassFixture<SqliteAppFactory>;

public sealed class MembershipNumberIssueTestsOnPostgres(PostgresAppFactory f) : MembershipNumberIssueTests(f), IClassFixture<PostgresAppFactory>;
