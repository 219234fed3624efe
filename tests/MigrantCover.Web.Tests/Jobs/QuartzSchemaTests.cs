using System.Security.Cryptography;
using MigrantCover.Web.Data.Sql;
using Quartz;

namespace MigrantCover.Web.Tests.Jobs;

/// <summary>
/// The job store's tables come from the schema scripts Quartz.dll embeds. A migration must not change when
/// the package does: each script is pinned by its SHA-256 (Quartz.NET 4.7.3's), so an upgrade that changes
/// it fails here and gets a migration of its own (docs/decisions/0010-quartz-schema-from-the-package.md).
/// </summary>
public class QuartzSchemaTests
{
    [Theory]
    [InlineData(QuartzSchema.PostgresScript, "4360d520b163038d19becb44b85fd7e86491b09960a3a82a5c0319664ca982f0")]
    [InlineData(QuartzSchema.SqliteScript, "65dc9c697402acc838a0aa311fde55800e1b3213c0799b0eb6b9371ccbe56773")]
    public void TheEmbeddedScriptIsTheOneTheMigrationWasWrittenFor(string resourceName, string sha256)
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(resourceName);
        Assert.NotNull(stream);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Theory]
    [InlineData(QuartzSchema.PostgresScript, 30)]
    [InlineData(QuartzSchema.SqliteScript, 34)]
    public void TheScriptSplitsIntoItsStatementsWithThePrefixFilledIn(string resourceName, int count)
    {
        var statements = QuartzSchema.Statements(QuartzSchema.Script(resourceName)).ToList();

        Assert.Equal(count, statements.Count);
        Assert.StartsWith("-- qrtz_JOB_DETAILS\nCREATE TABLE IF NOT EXISTS qrtz_job_details (", statements[0], StringComparison.OrdinalIgnoreCase);
        Assert.All(statements, s =>
        {
            Assert.DoesNotContain('\r', s);
            Assert.DoesNotContain("{0}", s, StringComparison.Ordinal);
            Assert.DoesNotContain("{1}", s, StringComparison.Ordinal);
            Assert.DoesNotContain("--;;", s, StringComparison.Ordinal);
            Assert.DoesNotContain("DROP", s, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(" IF NOT EXISTS ", s, StringComparison.Ordinal);
        });
    }
}
