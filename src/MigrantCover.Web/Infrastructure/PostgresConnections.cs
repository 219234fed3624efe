using System.Data.Common;
using Npgsql;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// The PostgreSQL connection defaults (docs/operations.md, "PostgreSQL connections"), each applied only when
/// the connection string does not set it: statements prepared automatically after two uses
/// (<c>Max Auto Prepare=64</c>), no <c>DISCARD ALL</c> when a connection goes back to the pool
/// (<c>No Reset On Close=true</c>: nothing in the app leaves session state on a pooled connection; the
/// migration's advisory lock is taken and released on a connection of its own), and at most 30 connections
/// per instance (<c>Maximum Pool Size=30</c>), well below PostgreSQL's default <c>max_connections</c> of 100.
/// </summary>
public static class PostgresConnections
{
    public const int DefaultMaxPoolSize = 30;

    public static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!keys.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!keys.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!keys.Contains("MAXPOOLSIZE") && !keys.Contains("MAXIMUMPOOLSIZE"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    public static NpgsqlDataSource DataSource(string connectionString) =>
        new NpgsqlDataSourceBuilder(WithDefaults(connectionString)).Build();
}
