using Microsoft.EntityFrameworkCore.Migrations;
using Quartz;

namespace MigrantCover.Web.Data.Sql;

/// <summary>
/// The tables of Quartz.NET's ADO.NET job store (prefix <c>qrtz_</c>), created by the migration
/// QuartzJobStore on each provider. Quartz does not create them itself here (the store only validates the
/// schema at start-up). The statements are Quartz.NET's own schema scripts for PostgreSQL and SQLite, read
/// from the resources Quartz.dll embeds (<see cref="PostgresScript"/>, <see cref="SqliteScript"/>):
/// <c>{0}</c> stands for the table prefix and <c>{1}</c> for the prefix in index names, and a line
/// <c>--;;</c> separates statements. A test pins each script's SHA-256 (4.7.3's), so a Quartz release that
/// changes the schema fails it and gets a migration of its own (docs/decisions/0010-quartz-schema-from-the-package.md).
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    /// <summary>The name of the PostgreSQL script among Quartz.dll's resources.</summary>
    public const string PostgresScript = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>The name of the SQLite script among Quartz.dll's resources.</summary>
    public const string SqliteScript = "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";

    // Children before parents, so that foreign keys never stop a drop.
    private static readonly string[] Tables =
    [
        "simple_triggers", "cron_triggers", "simprop_triggers", "blob_triggers", "triggers", "job_details",
        "calendars", "paused_trigger_grps", "paused_job_grps", "fired_triggers", "scheduler_state", "locks",
        "execution_history", "misfire_history", "job_status",
    ];

    public static void Create(MigrationBuilder migrationBuilder, bool postgres)
    {
        foreach (var statement in Statements(Script(postgres ? PostgresScript : SqliteScript)))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {TablePrefix}{table};");
        }
    }

    /// <summary>
    /// The script as Quartz.dll embeds it, with its line ends (CRLF in the package) as <c>\n</c>, the
    /// separator <see cref="Statements"/> splits on.
    /// </summary>
    public static string Script(string resourceName)
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Quartz.dll has no resource {resourceName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The script's statements with the prefix filled in, without the comment-only pieces (among them the header).</summary>
    public static IEnumerable<string> Statements(string script) =>
        script.Split("\n--;;\n")
            .Select(s => s.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal).Trim())
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)));
}
