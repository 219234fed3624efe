using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Jobs;
using MigrantCover.Web.Resources;
using Quartz;

namespace MigrantCover.Web.Features.Imports;

/// <summary>What the import job is told: which import (an id, never personal data).</summary>
public sealed record ImportInput(long ImportId);

/// <summary>
/// Runs one import (docs/import.md) on one instance of the cluster (the key <c>import-N</c>, Quartz's
/// lock, <see cref="DisallowConcurrentExecutionAttribute"/>). Every row goes through
/// <see cref="RegisterWorker.Handler"/>, the path of <c>POST /api/v1/workers</c> and the registration page,
/// in batches of <see cref="ImportOptions.BatchSize"/> rows: a batch's workers, audit entries, tallies,
/// errors and the import's counters are saved in one transaction (a dry run rolls the workers back and
/// keeps the rest). A run cut short by a shutdown is handed back and resumes after the last saved batch
/// (<see cref="RequestsRecoveryAttribute"/>); a run that fails marks the import failed.
/// </summary>
[RequestsRecovery]
[DisallowConcurrentExecution]
public sealed class ImportJob(
    IServiceProvider services,
    IValidator<RegisterWorker.Request> validator,
    IStringLocalizer<ImportResource> text,
    ImportOptions options,
    ImportClock appClock,
    ILogger<ImportJob> logger) : IJob<ImportInput>
{
    private readonly TimeProvider _clock = appClock.Clock;

    /// <summary>The job key of an import's run.</summary>
    public static string Key(long importId) => "import-" + importId.ToString(CultureInfo.InvariantCulture);

    public async ValueTask Execute(IJobExecutionContext context, ImportInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(input.ImportId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the open batch is rolled back; the run is handed back and resumes after the last saved batch.
            logger.LogInformation("Import {ImportId} interrupted; it resumes when an instance runs it again", input.ImportId);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError("Import {ImportId} failed: {ErrorType}", input.ImportId, e.GetType().Name);
            await using var db = NewContext(SystemActor.Instance);
            await db.Imports.Where(i => i.Id == input.ImportId).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, ImportStates.Failed).SetProperty(i => i.FailureKey, "import.failed").SetProperty(i => i.FinishedAt, _clock.GetUtcNow()),
                CancellationToken.None);
        }
    }

    /// <summary>One run of the import: every row not yet processed, batch by batch (also the demo seed's import, inline).</summary>
    internal async Task RunAsync(long id, CancellationToken ct)
    {
        Import import;
        byte[] content;
        await using (var read = NewContext(SystemActor.Instance))
        {
            var found = await read.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (found is null || found.State is ImportStates.Done or ImportStates.Failed)
            {
                return;
            }

            import = found;
            content = await read.ImportFiles.Where(f => f.Id == import.FileId).Select(f => f.Content).SingleAsync(ct);
            await read.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.State, ImportStates.Running)
                    .SetProperty(i => i.StartedAt, i => i.StartedAt ?? _clock.GetUtcNow())
                    .SetProperty(i => i.Runs, i => i.Runs + 1),
                ct);
        }

        // Within one file, two rows with the same NIK are both refused, each naming the other's lines (R-NIK-4).
        var linesOfNik = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in ImportFiles.Read(import.Format, content))
        {
            if (row.Cells.TryGetValue("nik", out var nik) && nik?.Trim() is { Length: > 0 } key)
            {
                (linesOfNik.TryGetValue(key, out var lines) ? lines : linesOfNik[key] = []).Add(row.Line);
            }
        }

        var actor = new ImportActor(import.CreatedById, import.CreatedByName);
        var batch = new List<ImportRow>(options.BatchSize);
        foreach (var row in ImportFiles.Read(import.Format, content).Skip(import.ProcessedRows))
        {
            batch.Add(row);
            if (batch.Count == options.BatchSize)
            {
                await RunBatchAsync(import, actor, batch, linesOfNik, ct);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await RunBatchAsync(import, actor, batch, linesOfNik, ct);
        }

        await using var done = NewContext(SystemActor.Instance);
        await done.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.State, ImportStates.Done).SetProperty(i => i.FinishedAt, _clock.GetUtcNow()),
            ct);
    }

    // One batch, all-or-nothing; once more from the start if it failed on a race (a NIK registered meanwhile):
    // the unique index's refusal, or on PostgreSQL the next statement of the transaction it aborted.
    private async Task RunBatchAsync(Import import, ImportActor actor, List<ImportRow> rows, Dictionary<string, List<int>> linesOfNik, CancellationToken ct)
    {
        try
        {
            await TryBatchAsync(import, actor, rows, linesOfNik, ct);
        }
        catch (Exception e) when (e is DbUpdateException || AbortedByAFailedStatement(e))
        {
            await TryBatchAsync(import, actor, rows, linesOfNik, ct);
        }
    }

    private static bool AbortedByAFailedStatement(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.InFailedSqlTransaction })
            {
                return true;
            }
        }

        return false;
    }

    private async Task TryBatchAsync(Import import, ImportActor actor, List<ImportRow> rows, Dictionary<string, List<int>> linesOfNik, CancellationToken ct)
    {
        await using var db = NewContext(actor);

        // PostgreSQL: no savepoint around each row's save (two round trips a row). The batch is all-or-nothing
        // anyway, and a row whose insert fails on a race aborts the transaction, which sends the whole batch
        // round again (RunBatchAsync). SQLite keeps them: a failed statement there leaves the transaction
        // open with the rest of that save (its audit entry) written, which only the savepoint takes back.
        db.Database.AutoSavepointsEnabled = !db.Database.IsNpgsql();
        var handler = new RegisterWorker.Handler(db, validator, _clock);
        var tally = new BatchTally();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var row in rows)
            {
                await RowAsync(db, handler, import, row, linesOfNik, tally, ct);
            }

            if (import.DryRun)
            {
                await tx.RollbackAsync(ct);
            }
            else
            {
                await SaveTallyAsync(db, import.Id, rows.Count, tally, ct);
                await tx.CommitAsync(ct);
                CountRows(tally, dryRun: false);
                return;
            }
        }

        // A dry run: the workers are gone, the findings stay.
        db.ChangeTracker.Clear();
        await using var keep = await db.Database.BeginTransactionAsync(ct);
        await SaveTallyAsync(db, import.Id, rows.Count, tally, ct);
        await keep.CommitAsync(ct);
        CountRows(tally, dryRun: true);
    }

    private static void CountRows(BatchTally t, bool dryRun)
    {
        PortalMetrics.ImportRow(dryRun ? "valid" : "created", dryRun, dryRun ? t.Valid : t.Created);
        PortalMetrics.ImportRow("already-registered", dryRun, t.AlreadyRegistered);
        PortalMetrics.ImportRow("invalid", dryRun, t.Invalid);
    }

    private static async Task SaveTallyAsync(AppDbContext db, long id, int processed, BatchTally t, CancellationToken ct)
    {
        db.ImportErrors.AddRange(t.Errors);
        db.ImportDuplicates.AddRange(t.Duplicates);
        await db.SaveChangesAsync(ct);
        await db.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.ProcessedRows, i => i.ProcessedRows + processed)
                .SetProperty(i => i.Valid, i => i.Valid + t.Valid)
                .SetProperty(i => i.Created, i => i.Created + t.Created)
                .SetProperty(i => i.AlreadyRegistered, i => i.AlreadyRegistered + t.AlreadyRegistered)
                .SetProperty(i => i.Invalid, i => i.Invalid + t.Invalid)
                .SetProperty(i => i.PossibleDuplicates, i => i.PossibleDuplicates + t.Duplicates.Select(d => d.Line).Distinct().Count()),
            ct);
    }

    // One row through the registration path; its outcome counted, its failures kept in both languages.
    private async Task RowAsync(AppDbContext db, RegisterWorker.Handler handler, Import import, ImportRow row, Dictionary<string, List<int>> linesOfNik, BatchTally tally, CancellationToken ct)
    {
        var request = ImportColumns.ToRequest(row.Cells, out var badNumber);
        db.AuditReason = string.Create(CultureInfo.InvariantCulture, $"registered by import {import.Id}, line {row.Line}");
        if (request.Nik is { } nik && linesOfNik.TryGetValue(nik, out var lines) && lines.Count > 1)
        {
            var others = string.Join(", ", lines.Where(l => l != row.Line));
            tally.Refuse(import.Id, row.Line, [("nik", "R-NIK-4", In(Localization.Indonesian, () => text["row.duplicate-in-file", others]), In(Localization.English, () => text["row.duplicate-in-file", others]))]);
            return;
        }

        var outcome = await In(Localization.Indonesian, () => handler.HandleAsync(request, ct));
        if (outcome.Status == OutcomeStatus.Conflict && outcome.Candidates is { } candidates)
        {
            // A possible duplicate (same name and date of birth under another NIK): kept, and listed for review.
            outcome = await In(Localization.Indonesian, () => handler.HandleAsync(request with { ConfirmDuplicate = true }, ct));
            if (outcome.Succeeded)
            {
                foreach (var other in candidates)
                {
                    tally.Duplicates.Add(new ImportDuplicate { ImportId = import.Id, Line = row.Line, WorkerId = import.DryRun ? null : outcome.Value!.Id, OtherWorkerId = other });
                }
            }
        }

        if (outcome.Succeeded && !badNumber)
        {
            tally.Valid++;
            tally.Created += import.DryRun ? 0 : 1;
            return;
        }

        if (outcome.Status == OutcomeStatus.Conflict && outcome.ExistingId is { } existing && !badNumber)
        {
            var nameKey = Worker.NameKeyOf(request.FullName ?? "");
            var dob = Validation.Input.Date(request.DateOfBirth);
            if (await db.Workers.AnyAsync(w => w.Id == existing && w.NameKey == nameKey && w.DateOfBirth == dob, ct))
            {
                // The same person is on file: nothing changes.
                tally.AlreadyRegistered++;
                return;
            }
        }

        // Refused: the same answer in English (the path refuses again, writing nothing).
        var english = await In(Localization.English, () => handler.HandleAsync(request, ct));
        var id = Messages(outcome, badNumber, Localization.Indonesian);
        var en = Messages(english, badNumber, Localization.English);
        tally.Refuse(import.Id, row.Line, [.. id.Select((f, i) => (f.Field, f.RuleId, f.Message, i < en.Count ? en[i].Message : f.Message))]);
    }

    // The row's failures; a contract length that is not a whole number replaces the rule's "required" on it.
    private static List<Failure> Messages(Outcome<Worker> outcome, bool badNumber, CultureInfo culture)
    {
        var failures = outcome.AllFailures.ToList();
        if (badNumber)
        {
            failures.RemoveAll(f => f.Field == "contractMonths");
            failures.Add(In(culture, () => Failure.Input("contractMonths", "number.whole", ("example", "24"))));
        }

        return failures.Count > 0 ? failures : [In(culture, () => Failure.Input("", "stale"))];
    }

    private static T In<T>(CultureInfo culture, Func<T> work)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private static async Task<T> In<T>(CultureInfo culture, Func<Task<T>> work)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return await work();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    // A context of the app's provider whose audit entries name the officer who sent the file.
    private AppDbContext NewContext(IAuditActor actor) =>
        services.GetService<DbContextOptions<PostgresAppDbContext>>() is { } postgres
            ? new PostgresAppDbContext(postgres, actor, _clock)
            : new SqliteAppDbContext(services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>(), actor, _clock);

    private sealed class BatchTally
    {
        public int Valid { get; set; }

        public int Created { get; set; }

        public int AlreadyRegistered { get; set; }

        public int Invalid { get; set; }

        public List<ImportError> Errors { get; } = [];

        public List<ImportDuplicate> Duplicates { get; } = [];

        public void Refuse(long importId, int line, IEnumerable<(string Field, string? RuleId, string Id, string En)> failures)
        {
            Invalid++;
            foreach (var (field, ruleId, id, en) in failures)
            {
                Errors.Add(new ImportError { ImportId = importId, Line = line, Field = field, RuleId = ruleId, MessageId = Cut(id), MessageEn = Cut(en) });
            }
        }

        private static string Cut(string s) => s.Length > 1000 ? s[..999] + "…" : s;
    }
}

/// <summary>The officer who sent the file, as the audit trail's actor of its rows.</summary>
public sealed class ImportActor(string id, string name) : IAuditActor
{
    public string Id { get; } = string.IsNullOrEmpty(id) ? SystemActor.Instance.Id : id;

    public string Name { get; } = string.IsNullOrEmpty(name) ? SystemActor.Instance.Name : name;
}
