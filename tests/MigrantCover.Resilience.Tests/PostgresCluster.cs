using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MigrantCover.Resilience.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster of the tests' own (so that they may restart it): initdb and pg_ctl of the
/// newest server under /usr/lib/postgresql/*/bin, run as the postgres user (the server refuses root), in a
/// temporary folder, on a free loopback port; stopped and removed at the end. Missing binaries or a server
/// that does not start fail the tests: they never skip.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("The resilience tests need the PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin; install the postgresql package, as .ci/run does).");
        }

        var folder = Directory.CreateTempSubdirectory("mc-resilience-pg.").FullName;
        var cluster = new PostgresCluster(bin, folder, FreePort());
        try
        {
            await RunAsync("chown", "postgres", folder);
            await cluster.AsPostgresAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--no-sync");
            await cluster.PgCtlAsync("start");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>A fast restart (every session is cut, as in an operator's restart); returns once it accepts connections again.</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    public async Task<NpgsqlConnection> OpenAsync(string database = "postgres")
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running (it did not start): nothing to stop.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task PgCtlAsync(string action, params string[] extra) =>
        AsPostgresAsync(
            [Path.Combine(_bin, "pg_ctl"), "-D", Data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"),
             "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off", .. extra, action]);

    private Task AsPostgresAsync(params string[] command) =>
        RunAsync("runuser", ["-u", "postgres", "--", command[0].Contains('/') ? command[0] : Path.Combine(_bin, command[0]), .. command[1..]]);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
