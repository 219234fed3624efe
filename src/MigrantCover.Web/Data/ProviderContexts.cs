using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MigrantCover.Web.Data;

/// <summary>The embedded default: migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : AppDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset text; store UTC ticks so it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production: migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : AppDbContext(options, actor, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Name prefix search (LIKE 'SITI%') can use this index whatever the database collation.
        builder.Entity<Entities.Worker>().HasIndex(w => w.NameKey).HasOperators("text_pattern_ops");

        // The dashboard counts the days of a partially covered month from the workers themselves
        // (Tallies.EdgeDaysAsync): an index-only range scan with every column the tallies count (decision 0006).
        builder.Entity<Entities.Worker>().HasIndex(w => w.RegisteredOn, "ix_workers_registered_on_tallied")
            .IncludeProperties([
                nameof(Entities.Worker.RegisteredMonth), nameof(Entities.Worker.Stage),
                .. TallyDimensions.Breakdowns.Select(d => d.Property),
                nameof(Entities.Worker.DepartedMonth), nameof(Entities.Worker.MembershipNumber),
            ]);
    }
}

/// <summary>Design-time factories so that `dotnet ef` can build each context without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteAppDbContext>)new DbContextOptionsBuilder<SqliteAppDbContext>().UseMigrantCoverSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>().UseMigrantCoverPostgres("Host=localhost;Database=migrantcover").Options);
}

public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseMigrantCoverSqlite(this DbContextOptionsBuilder b, string connectionString) =>
        b.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention().FailuresLoggedByTheirCallers();

    public static DbContextOptionsBuilder UseMigrantCoverPostgres(this DbContextOptionsBuilder b, string connectionString) =>
        b.UseNpgsql(connectionString).UseSnakeCaseNamingConvention().FailuresLoggedByTheirCallers();

    /// <summary>The app's one data source (Infrastructure/PostgresConnections).</summary>
    public static DbContextOptionsBuilder UseMigrantCoverPostgres(this DbContextOptionsBuilder b, Npgsql.NpgsqlDataSource dataSource) =>
        b.UseNpgsql(dataSource).UseSnakeCaseNamingConvention().FailuresLoggedByTheirCallers();

    /// <summary>
    /// A failed command or save is the caller's to answer and log: a unique index refusing the same payment or
    /// registration sent twice at once answers the recorded one (R-PAY-2, R-NIK-4), a database away is a 503, and
    /// anything else reaches the exception handler, which logs the exception's type (its message may quote
    /// personal data). EF Core's own Error lines, with message and stack, are Debug: none for a client's retry.
    /// So is its warning for a Take without an OrderBy: the portal's are bounded counts ("more than 10 000")
    /// and "any few" samples, where the order does not matter and sorting every match would cost the search.
    /// </summary>
    private static DbContextOptionsBuilder FailuresLoggedByTheirCallers(this DbContextOptionsBuilder b) =>
        b.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, Microsoft.Extensions.Logging.LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning, Microsoft.Extensions.Logging.LogLevel.Debug)));
}
