using Npgsql;

namespace MigrantCover.Web.Infrastructure;

public static class Database
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    // Any fixed number: every instance takes this PostgreSQL advisory lock while it migrates.
    private const long MigrationLockKey = 7_260_2015_18_2017;

    public static IServiceCollection AddMigrantCoverDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        InstanceCaches.Configure(configuration);
        var provider = configuration["Database:Provider"] ?? Sqlite;
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString(Postgres)
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            // One data source for the app, with the defaults of PostgresConnections (docs/operations.md),
            // and the retrying execution strategy (decision 0011).
            services.AddSingleton(_ => PostgresConnections.DataSource(cs));
            // The options are built once (they depend only on the data source and the configuration),
            // not for every request's context.
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(
                (sp, o) => o
                    .UseMigrantCoverPostgres(sp.GetRequiredService<NpgsqlDataSource>())
                    .UseNpgsql(n => n.UseRetries(configuration)),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString(Sqlite) ?? DefaultSqlite(environment);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseMigrantCoverSqlite(cs), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be {Sqlite} or {Postgres}, not '{provider}'.");
        }

        return services;
    }

    /// <summary>
    /// Applies the provider's migrations. On PostgreSQL an advisory lock makes concurrent starts of
    /// several instances take turns. When the database cannot be reached, the app still starts and
    /// /health/ready answers 503 until it is restarted against a reachable database, and requests that
    /// need the database answer 503 with Retry-After (false is returned).
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync(this IServiceProvider services)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.Database");
        var attempts = Math.Max(1, config.GetValue("Database:MigrationAttempts", 5));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (db is PostgresAppDbContext)
                {
                    await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
                    await connection.OpenAsync();
                    await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
                    {
                        await take.ExecuteNonQueryAsync();
                    }

                    try
                    {
                        await db.Database.MigrateAsync();
                    }
                    finally
                    {
                        await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
                        await release.ExecuteNonQueryAsync();
                    }
                }
                else
                {
                    await db.Database.MigrateAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }

                logger.LogInformation("Database migrated ({Provider})", db is PostgresAppDbContext ? Postgres : Sqlite);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException { InnerException: NpgsqlException } || DatabaseFailures.IsUnavailable(ex))
            {
                if (attempt >= attempts)
                {
                    logger.LogError("Database unreachable after {Attempts} attempts; serving with /health/ready = 503: {Error}", attempt, ex.GetType().Name);
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt * 2)));
            }
        }
    }

    internal static string DefaultSqlite(IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "migrantcover.db")}";
    }
}
