using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests;

/// <summary>
/// The request log through the real pipeline (Serilog, the error handling, the endpoints): it honours the
/// configured level, states the status the client got, and never carries a value of the request.
/// </summary>
public abstract class RequestLoggingTests(AppFactory factory) : ProviderTests(factory)
{
    private const string RequestLog = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task AMalformedBodyIsLoggedAsA400WithoutItsValuesOrAStackTrace()
    {
        using var client = Factory.CreateClient();
        Factory.LogLines.Clear();
        using var body = new StringContent("""{"membershipNumber":"26123456789","dateOfBirth":"1995-07-09" "nik":"3302224907950003"}""", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/coverage/lookup", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var line = await LineAsync("/api/v1/coverage/lookup");
        Assert.StartsWith($"Information {RequestLog}: HTTP \"POST\" \"/api/v1/coverage/lookup\" responded 400", line, StringComparison.Ordinal);
        Assert.Contains("ExceptionType=BadHttpRequestException", line, StringComparison.Ordinal);
        AssertNoErrorNorValue("26123456789", "3302224907950003");
    }

    [Fact]
    public async Task ABindingFailureIsLoggedAsA400WithoutTheQueryValue()
    {
        using var client = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        Factory.LogLines.Clear();
        var response = await client.GetAsync("/api/v1/workers?page=Siti3302224907950003");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        var line = await LineAsync("/api/v1/workers");
        Assert.StartsWith($"Information {RequestLog}: HTTP \"GET\" \"/api/v1/workers\" responded 400", line, StringComparison.Ordinal);
        AssertNoErrorNorValue("Siti3302224907950003", "3302224907950003");
    }

    [Fact]
    public async Task TheSamePaymentSentManyTimesAtOnceLogsNoErrorNorStackTrace()
    {
        using var client = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = (await client.RegisterAsync()).GetProperty("id").GetString()!;
        var payment = new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference = "LOG-" + UniqueWord() };
        var sent = 0;
        var statuses = new List<HttpStatusCode>();

        // The unique reference refuses all but one of them at the database (R-PAY-2): the others answer the payment
        // recorded, and the refusals are not errors of the server. A few rounds, so that some reach the index.
        Factory.LogLines.Clear();
        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync($"/api/v1/workers/{id}/payments", payment with { reference = payment.reference + round })));
            statuses.AddRange(answers.Select(a => a.StatusCode));
            sent += answers.Length;
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(sent - 3, statuses.Count(s => s == HttpStatusCode.OK));
        for (var i = 0; i < 300 && Factory.LogLines.Count(l => l.Contains(RequestLog, StringComparison.Ordinal) && l.Contains("/payments", StringComparison.Ordinal)) < sent; i++)
        {
            await Task.Delay(100);
        }

        AssertNoErrorNorValue();
    }

    /// <summary>Waits for the request's log line: it is written when the server has finished the request.</summary>
    protected async Task<string> LineAsync(string path)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Factory.LogLines.FirstOrDefault(l => l.Contains(RequestLog, StringComparison.Ordinal) && l.Contains($"\"{path}\"", StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log line for {path}: {string.Join(Environment.NewLine, Factory.LogLines)}");
    }

    protected void AssertNoErrorNorValue(params string[] values)
    {
        Assert.DoesNotContain(Factory.LogLines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.LogLines, l => l.Contains("responded 500", StringComparison.Ordinal));
        Assert.DoesNotContain(Factory.LogLines, l => l.Contains("   at ", StringComparison.Ordinal));
        foreach (var value in values)
        {
            Assert.DoesNotContain(Factory.LogLines, l => l.Contains(value, StringComparison.Ordinal));
        }
    }
}

public sealed class RequestLoggingTestsOnSqlite(SqliteAppFactory f) : RequestLoggingTests(f), IClassFixture<SqliteAppFactory>;

public sealed class RequestLoggingTestsOnPostgres(PostgresAppFactory f) : RequestLoggingTests(f), IClassFixture<PostgresAppFactory>;

/// <summary>
/// Clients that go away, on Kestrel (a real socket that the test closes): logged as 499 with ClientAborted,
/// at Information, never as a 500.
/// </summary>
public sealed class ClientAbortLoggingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AClientThatGoesAwayDuringItsBodyIsLoggedAsAbortedNotAsA500(bool reset)
    {
        await using var app = new SqliteAppFactory();
        var port = await StartOnKestrelAsync(app);
        app.LogLines.Clear();

        // reset: the socket is closed at once (RST); else the client stops sending (FIN) before the announced length.
        await SendAndGoAwayAsync(port, "POST /api/v1/coverage/lookup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"membershipNumber\":\"26123456789\",", reset);

        var line = await LineAsync(app, "/api/v1/coverage/lookup");
        // 499 when the abort is seen before the error handling, else the 400 of the body that ended early;
        // either way marked as an abort, at Information.
        Assert.Matches("^Information Serilog.AspNetCore.RequestLoggingMiddleware: HTTP \"POST\" \"/api/v1/coverage/lookup\" responded (499|400) ", line);
        Assert.Contains("ClientAborted=True", line, StringComparison.Ordinal);
        AssertNoError(app, "26123456789");
    }

    [Fact]
    public async Task FortyClientsThatResetDuringTheirBodiesAtOnceAreAllLoggedAsAbortedWithoutAServerError()
    {
        // Without the body watch, most of them were logged as plain 400s and Kestrel's drain of the body that
        // was not coming logged an error of its own ("the body reader is in an invalid state").
        const int clients = 40;
        await using var app = new SqliteAppFactory();
        app.With("Coverage:PerClientPerMinute", "1000");
        var port = await StartOnKestrelAsync(app);
        app.LogLines.Clear();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => SendAndGoAwayAsync(port, "POST /api/v1/coverage/lookup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"membershipNumber\":\"26123456789\",", reset: true)));

        string[] lines = [];
        for (var i = 0; i < 300 && lines.Length < clients; i++)
        {
            await Task.Delay(100);
            lines = [.. app.LogLines.Where(l => l.Contains("Serilog.AspNetCore.RequestLoggingMiddleware", StringComparison.Ordinal) && l.Contains("\"/api/v1/coverage/lookup\"", StringComparison.Ordinal))];
        }

        Assert.Equal(clients, lines.Length);
        Assert.All(lines, l => Assert.Contains("ClientAborted=True", l, StringComparison.Ordinal));

        // Kestrel's own lines come after the request's: give them a moment.
        await Task.Delay(500);
        AssertNoError(app, "26123456789");
    }

    [Fact]
    public async Task AnAbandonedHealthProbeIsNotLoggedAsA500()
    {
        await using var app = new PostgresAppFactory();
        if (!app.Available)
        {
            Assert.Skip("PostgreSQL suite: set MIGRANTCOVER_TEST_POSTGRES to a connection string to run it.");
        }

        var port = await StartOnKestrelAsync(app);

        // The readiness check waits on the migrations table, locked by another session, when the probe gives up.
        await using var blocker = new NpgsqlConnection(app.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        app.LogLines.Clear();
        await SendAndGoAwayAsync(port, "GET /health/ready HTTP/1.1\r\nHost: localhost\r\n\r\n", reset: true);
        var line = await LineAsync(app, "/health/ready");
        await transaction.RollbackAsync();
        Assert.StartsWith("Information Serilog.AspNetCore.RequestLoggingMiddleware: HTTP \"GET\" \"/health/ready\" responded 499", line, StringComparison.Ordinal);
        AssertNoError(app);
    }

    private static async Task<int> StartOnKestrelAsync(AppFactory app)
    {
        app.UseKestrel(0);
        await app.InitializeAsync();
        app.StartServer();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).Port;
    }

    private static async Task SendAndGoAwayAsync(int port, string request, bool reset)
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.FlushAsync();

        // Long enough for the server to be waiting for the rest; then the client is gone.
        await Task.Delay(700);
        if (reset)
        {
            socket.Client.Close(0);
            return;
        }

        socket.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            // Until the server answers or closes its side.
            while (await stream.ReadAsync(new byte[1024], read.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }
    }

    internal static async Task<string> LineAsync(AppFactory app, string path)
    {
        for (var i = 0; i < 300; i++)
        {
            if (app.LogLines.FirstOrDefault(l => l.Contains("Serilog.AspNetCore.RequestLoggingMiddleware", StringComparison.Ordinal) && l.Contains($"\"{path}\"", StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No request log line for {path}: {string.Join(Environment.NewLine, app.LogLines)}");
    }

    internal static void AssertNoError(AppFactory app, params string[] values)
    {
        var error = app.LogLines.FirstOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.True(error is null, error);
        Assert.DoesNotContain(app.LogLines, l => l.Contains("responded 500", StringComparison.Ordinal));
        foreach (var value in values)
        {
            Assert.DoesNotContain(app.LogLines, l => l.Contains(value, StringComparison.Ordinal));
        }
    }
}

/// <summary>
/// A body read that fails because the connection was reset, with no abort token cancelled (as when Kestrel
/// notices the closed socket only after the request is logged): the binding answers 400 without an exception,
/// and the request log still marks the abort, at Information.
/// </summary>
public sealed class BodyReadFailureLoggingTests(SqliteAppFactory<ResetAfterFirstRead> app) : IClassFixture<SqliteAppFactory<ResetAfterFirstRead>>
{
    [Fact]
    public async Task ABodyReadThatFailsOnAResetConnectionIsMarkedAsAbortedWithoutAnAbortToken()
    {
        await app.InitializeAsync();
        using var client = app.CreateClient();
        app.LogLines.Clear();
        using var body = new StringContent("""{"membershipNumber":"26123456789","dateOfBirth":"1995-07-09"}""", Encoding.UTF8, "application/json");
        try
        {
            // The watch ends the connection of a client that is gone: the test server's client may see that.
            await client.PostAsync("/api/v1/coverage/lookup", body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
        }

        var line = await ClientAbortLoggingTests.LineAsync(app, "/api/v1/coverage/lookup");
        Assert.Matches("^Information Serilog.AspNetCore.RequestLoggingMiddleware: HTTP \"POST\" \"/api/v1/coverage/lookup\" responded (499|400) ", line);
        Assert.Contains("ClientAborted=True", line, StringComparison.Ordinal);
        Assert.True(ResetAfterFirstRead.Failed, "the body read never failed: the test did not test anything");
        ClientAbortLoggingTests.AssertNoError(app, "26123456789");
    }
}

/// <summary>
/// Replaces each request's body reader, outside the whole app, with one that gives the first half of the body
/// and then fails as a reset connection does, with the abort token left alone.
/// </summary>
public sealed class ResetAfterFirstRead : IAppSetup
{
    private static int _failed;

    public static bool Failed => Volatile.Read(ref _failed) == 1;

    public void Configure(AppFactory factory)
    {
    }

    public void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, Filter>());

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                if (http.Request.ContentLength > 0)
                {
                    http.Features.Set<IRequestBodyPipeFeature>(new Body());
                }

                return then(http);
            });
            next(app);
        };
    }

    private sealed class Body : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = new HalfThenReset();
    }

    private sealed class HalfThenReset : PipeReader
    {
        private readonly ReadOnlySequence<byte> _half = new("{\"membershipNumber\":\"2612"u8.ToArray());
        private bool _given;

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (!_given)
            {
                _given = true;
                return ValueTask.FromResult(new ReadResult(_half, isCanceled: false, isCompleted: false));
            }

            Interlocked.Exchange(ref _failed, 1);
            return ValueTask.FromException<ReadResult>(new ConnectionResetException("Connection reset by peer"));
        }

        public override bool TryRead(out ReadResult result)
        {
            result = default;
            return false;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
        }

        public override void CancelPendingRead()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }
    }
}

/// <summary>Serilog:MinimumLevel from the configuration is honoured (it was overwritten with Information).</summary>
public sealed class ConfiguredLogLevelTests
{
    [Fact]
    public async Task SerilogMinimumLevelWarningLeavesNoRequestLines()
    {
        await using var quiet = new SqliteAppFactory();
        quiet.With("Serilog:MinimumLevel:Default", "Warning");
        await quiet.InitializeAsync();
        await using var usual = new SqliteAppFactory();
        await usual.InitializeAsync();

        foreach (var app in new AppFactory[] { quiet, usual })
        {
            app.LogLines.Clear();
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
        }

        // The line is written after the answer: wait for it on the usual instance, then none on the quiet one.
        for (var i = 0; i < 100 && !usual.LogLines.Any(l => l.Contains("/health/live", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(usual.LogLines, l => l.StartsWith("Information Serilog.AspNetCore.RequestLoggingMiddleware", StringComparison.Ordinal) && l.Contains("/health/live", StringComparison.Ordinal));
        Assert.DoesNotContain(quiet.LogLines, l => l.StartsWith("Information", StringComparison.Ordinal));
    }
}
