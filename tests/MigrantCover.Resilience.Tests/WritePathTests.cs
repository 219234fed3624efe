using System.Collections.Concurrent;
using Npgsql;

namespace MigrantCover.Resilience.Tests;

/// <summary>
/// The write paths under concurrency and a database restart (issue 11, items 6–8), on a PostgreSQL cluster
/// of the tests' own, with bounded concurrency and time. No assertion is on how long a request took: lock
/// waits are read from the server (pg_locks), outcomes from the answers and the rows.
/// </summary>
public sealed class WritePathTests(ResilienceApp app) : IClassFixture<ResilienceApp>
{
    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public async Task FiftyIdenticalPaymentsReleasedTogetherAllAnswerTheSameCompletePaymentAndMakeOneRow()
    {
        var api = await app.OfficerAsync();
        var id = (await app.WorkersAsync(1))[0];
        var body = ResilienceApp.Placement("BPJS-SAME-" + Guid.NewGuid().ToString("N")[..12]);

        using var gate = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 50).Select(async _ =>
        {
            await gate.WaitAsync();
            var response = await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", body);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(50);
        var answers = await Task.WhenAll(sends);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode} {a.Body}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);

        // The same payment and the same complete worker in every answer: the membership number it gave included.
        var payments = answers.Select(a => JsonDocument.Parse(a.Body).RootElement).ToList();
        Assert.Single(payments.Select(p => p.GetProperty("id").GetString()).Distinct());
        var numbers = payments.Select(p => p.GetProperty("membershipNumber").GetString()).Distinct().ToList();
        var number = Assert.Single(numbers);
        Assert.True(number is not null && MembershipNumber.IsValid(number), number);
        Assert.Single(payments.Select(p => p.GetRawText()).Distinct());

        var rows = await app.WithDbAsync(db => db.Payments.CountAsync(p => p.WorkerId == id));
        Assert.Equal(1, rows);
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public async Task FirstPaymentsForTwoHundredWorkersAtOnceGetDistinctNumbersAndNoneWaitsOnALockForASecond()
    {
        var api = await app.OfficerAsync();
        var ids = await app.WorkersAsync(200);
        await using var sampler = new LockSampler(app.Cluster, app.Database);

        using var gate = new SemaphoreSlim(0);
        var sends = ids.Select(async id =>
        {
            await gate.WaitAsync();
            var response = await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", ResilienceApp.Placement("BPJS-FIRST-" + id.ToString("N")));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(ids.Count);
        var answers = await Task.WhenAll(sends);
        var (samples, longestWait, waiting) = await sampler.StopAsync();

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode} {a.Body}"));
        var numbers = answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("membershipNumber").GetString()!).ToList();
        Assert.Equal(200, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(MembershipNumber.IsValid(n), n));

        // Sampled from the server while the payments ran: no backend waited on a lock for a second or more.
        Assert.True(samples > 0, "the lock sampler took no sample");
        Assert.True(longestWait < TimeSpan.FromSeconds(1), $"a backend waited {longestWait.TotalMilliseconds:0} ms on a lock ({waiting})");

        var stored = await app.WithDbAsync(db => db.Workers.Where(w => ids.Contains(w.Id)).Select(w => w.MembershipNumber).ToListAsync());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        await AssertTalliesEqualPlainSqlAsync();
    }

    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public async Task ARestartUnderLoadAnswersOnly2xxOr503WithRetryAfterAndKeepsEveryAcceptedPaymentOnce()
    {
        var api = await app.OfficerAsync();
        var ids = new ConcurrentQueue<Guid>(await app.WorkersAsync(240));
        var statuses = new ConcurrentBag<(int Status, bool RetryAfter, string Body)>();
        var accepted = new ConcurrentDictionary<string, Guid>();
        using var stop = new CancellationTokenSource();

        // Eight clients, each paying for one worker after the other; a 503 is sent again (as a partner
        // following Retry-After would, without waiting the full time), until it is accepted.
        async Task ClientAsync()
        {
            while (!stop.IsCancellationRequested && ids.TryDequeue(out var id))
            {
                var reference = "BPJS-RESTART-" + id.ToString("N").ToUpperInvariant();
                for (var tries = 0; tries < 40; tries++)
                {
                    var response = await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", ResilienceApp.Placement(reference));
                    statuses.Add(((int)response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync()));
                    if (response.IsSuccessStatusCode)
                    {
                        accepted[reference] = id;
                        break;
                    }

                    await Task.Delay(200);
                }

                var read = await api.GetAsync($"/api/v1/workers/{id}");
                statuses.Add(((int)read.StatusCode, read.Headers.RetryAfter is not null, ""));
            }
        }

        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(ClientAsync)).ToList();
        await Task.Delay(1500);
        await app.Cluster.RestartAsync();
        await Task.Delay(2500);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        // Nothing but 2xx and 503 with Retry-After; never a 500.
        Assert.All(statuses, s => Assert.True(s.Status is >= 200 and < 300 or 503, $"{s.Status} {s.Body}\n{string.Join('\n', app.LogLines.Where(l => l.Contains("Unhandled") || l.Contains("Exception")).Take(6))}"));
        Assert.All(statuses.Where(s => s.Status == 503), s => Assert.True(s.RetryAfter, "503 without Retry-After"));
        Assert.NotEmpty(accepted);
        TestContext.Current.SendDiagnosticMessage($"restart under load: {accepted.Count} payments accepted; answers {string.Join(", ", statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"))}");

        // Every accepted payment is there once, on its worker, and its worker has its membership number.
        var rows = await app.WithDbAsync(db => (
            from p in db.Payments
            where p.Reference.StartsWith("BPJS-RESTART-")
            join w in db.Workers on p.WorkerId equals w.Id
            select new { p.Reference, p.WorkerId, w.MembershipNumber }).ToListAsync());
        Assert.Equal(accepted.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(accepted[r.Reference], r.WorkerId));
        Assert.All(rows, r => Assert.NotNull(r.MembershipNumber));

        // An instance whose pooled connections all died with the server signs in again at once.
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = ResilienceApp.OfficerEmail, password = ResilienceApp.OfficerPassword });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await AssertTalliesEqualPlainSqlAsync();
    }

    // The dashboard's tallies (the views over the shards) equal fresh GROUP BYs of the workers and payments.
    private async Task AssertTalliesEqualPlainSqlAsync()
    {
        await using var conn = await app.Cluster.OpenAsync(app.Database);
        async Task<List<string>> RowsAsync(string sql)
        {
            var rows = new List<string>();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            return rows;
        }

        Assert.Equal(
            await RowsAsync("SELECT paid_month, kind, count(*), sum(amount) FROM payments GROUP BY 1, 2 ORDER BY 1, 2"),
            await RowsAsync("SELECT paid_month, kind, payments, amount FROM payment_tally_totals WHERE payments <> 0 ORDER BY 1, 2"));
        Assert.Equal(
            await RowsAsync("SELECT registered_month, stage, count(*), count(membership_number) FROM workers GROUP BY 1, 2 ORDER BY 1, 2"),
            await RowsAsync("SELECT registered_month, stage, workers, participants FROM worker_tally_totals WHERE dimension = 'all' AND workers <> 0 ORDER BY 1, 2"));
        Assert.Equal(
            await RowsAsync("SELECT destination_country, count(*), count(membership_number) FROM workers GROUP BY 1 ORDER BY 1"),
            await RowsAsync("SELECT value, sum(workers), sum(participants) FROM worker_tally_totals WHERE dimension = 'destination' GROUP BY 1 HAVING sum(workers) <> 0 ORDER BY 1"));
    }
}
