using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MigrantCover.Domain;
using MigrantCover.Web;
using MigrantCover.Web.Api;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Resources;
using Npgsql;
using NpgsqlTypes;

namespace MigrantCover.Bench.Http;

/// <summary>
/// The raw baseline (`baseline --port N --postgres CS --hash-key K`, run by the bench as its own process):
/// minimal ASP.NET Core endpoints on the portal's routes, one NpgsqlDataSource with automatic prepared
/// statements and no reset on close, the SQL the portal sends (bench/README.md lists it), several
/// statements of a request in one batch. It answers with the portal's own answer types (WorkerView,
/// CoverageAnswer, PaymentAnswer) and JSON settings, so the JSON is the same. No authentication.
/// </summary>
public static class Baseline
{
    public static async Task<int> RunAsync(int port, string connectionString, string hashKey)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = Localization.Indonesian;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.Configure<JsonOptions>(o => JsonConventions.Configure(o.SerializerOptions));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CoverageAnswers>();
        var app = builder.Build();

        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString);
        var hasher = new CoverageHasher(Options.Create(new CoverageOptions { HashKey = hashKey }), NullLogger<CoverageHasher>.Instance);
        var raw = new RawHandlers(dataSource, hasher, app.Services.GetRequiredService<CoverageAnswers>(), app.Services.GetRequiredService<IStringLocalizer<CoverageResource>>(), TimeProvider.System);
        await raw.LoadRestrictionsAsync();

        app.MapGet("/health/live", () => Results.Text("Healthy"));
        app.MapPost("/api/v1/coverage/lookup", (LookupRequest request, HttpContext http, bool? log) => raw.LookupAsync(request, http, log ?? true));
        app.MapGet("/api/v1/workers", (string? search, int? page, int? pageSize) => raw.SearchAsync(search, page ?? 1, pageSize ?? 50));
        app.MapGet("/api/v1/workers/{id:guid}", (Guid id) => raw.GetWorkerAsync(id));
        app.MapPost("/api/v1/workers", (RegisterWorker.Request request) => raw.RegisterAsync(request));
        app.MapPost("/api/v1/workers/{id:guid}/payments", (Guid id, RecordPayment.Request request) => raw.PayAsync(id, request));
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The baseline's handlers. Each statement is the portal's (same tables, columns, predicates, order).</summary>
public sealed class RawHandlers(NpgsqlDataSource db, CoverageHasher hasher, CoverageAnswers answers, IStringLocalizer<CoverageResource> text, TimeProvider clock)
{
    public const string Actor = "bench-baseline";

    public const string WorkerColumns = "id, address, agency_licence, agency_name, arrived_on, category, contract_months, cover_phase, covered_from, covered_until, created_at, date_of_birth, departed_month, departed_on, destination_country, died_on, email, employer_name, extension_months, failed_departure_on, family_card_number, full_name, membership_number, name_key, nik, occupation, passport_number, phone, place_of_birth, placement_agreement_signed_on, province_code, purpose, regency_code, registered_month, registered_on, scheme, sex, stage, updated_at, version, withdrawn_on";

    public const string PaymentColumns = "id, amount, kind, monthly_amount, months, paid_month, paid_on, recorded_at, recorded_by, reference, rule_set, worker_id";

    public const string LockByHash = "SELECT l.identifier_hash, l.failures, l.locked_until, l.window_started_at FROM lookup_locks AS l WHERE l.identifier_hash = $1 LIMIT 1";

    public static readonly string WorkerWithPaymentsByKpj =
        $"SELECT {Prefixed("w0", WorkerColumns)}, {Prefixed("p", PaymentColumns)} FROM (SELECT {Prefixed("w", WorkerColumns)} FROM workers AS w WHERE w.membership_number = $1 AND w.date_of_birth = $2 LIMIT 1) AS w0 LEFT JOIN payments AS p ON w0.id = p.worker_id ORDER BY w0.id";

    public const string InsertLookup = "INSERT INTO coverage_lookups (at, channel, client_hash, outcome, worker_id) VALUES ($1, $2, $3, $4, $5) RETURNING id";

    public const string InsertLock = "INSERT INTO lookup_locks (identifier_hash, failures, locked_until, window_started_at) VALUES ($1, $2, $3, $4)";

    public const string UpdateLock = "UPDATE lookup_locks SET failures = $1, locked_until = $2, window_started_at = $3 WHERE identifier_hash = $4";

    public const string DeleteLock = "DELETE FROM lookup_locks WHERE identifier_hash = $1";

    public static readonly string WorkerById = $"SELECT {Prefixed("w", WorkerColumns)} FROM workers AS w WHERE w.id = $1 ORDER BY w.id LIMIT 2";

    public const string DocumentsOfWorker = "SELECT d.id, d.reference, d.type, d.verified, d.verified_at, d.verified_by, d.worker_id, w0.id FROM (SELECT w.id FROM workers AS w WHERE w.id = $1 ORDER BY w.id LIMIT 1) AS w0 INNER JOIN document_verifications AS d ON w0.id = d.worker_id ORDER BY w0.id";

    public static readonly string PaymentsOfWorker = $"SELECT {Prefixed("p", PaymentColumns)}, w1.id FROM (SELECT w.id FROM workers AS w WHERE w.id = $1 ORDER BY w.id LIMIT 1) AS w1 INNER JOIN payments AS p ON w1.id = p.worker_id ORDER BY w1.id";

    public const string EventsOfWorker = "SELECT s.id, s.from_stage, s.kind, s.months, s.occurred_on, s.payment_id, s.reason, s.recorded_at, s.recorded_by, s.to_stage, s.worker_id, w2.id FROM (SELECT w.id FROM workers AS w WHERE w.id = $1 ORDER BY w.id LIMIT 1) AS w2 INNER JOIN stage_events AS s ON w2.id = s.worker_id ORDER BY w2.id";

    public static readonly string PaymentByReference = $"SELECT {Prefixed("p", PaymentColumns)} FROM payments AS p WHERE p.reference = $1 LIMIT 1";

    public const string InsertAudit = "INSERT INTO audit_entries (action, actor_id, actor_name, at, field, new_value, old_value, reason, worker_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

    public static readonly string InsertWorker = $"INSERT INTO workers ({WorkerColumns}) VALUES ({string.Join(", ", Enumerable.Range(1, 41).Select(i => "$" + i))})";

    public const string InsertStageEvent = "INSERT INTO stage_events (id, from_stage, kind, months, occurred_on, payment_id, reason, recorded_at, recorded_by, to_stage, worker_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    // The portal's membership number on PostgreSQL: the year's sequence (MembershipNumbers, decision 0012).
    public static string IssueMembershipNumber(int year) => $"SELECT nextval('{MembershipNumbers.SequenceName(year)}')";

    public static readonly string InsertPayment = $"INSERT INTO payments ({PaymentColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    public const string UpdateWorkerAfterPayment = "UPDATE workers SET cover_phase = $1, covered_from = $2, covered_until = $3, membership_number = $4, updated_at = $5, version = $6 WHERE id = $7 AND version = $8";

    private const string SearchColumns = "w.id, w.full_name, w.stage, w.scheme, w.destination_country, w.province_code, w.registered_on, w.membership_number, w.date_of_birth, substr(w.nik, 13)";

    private IReadOnlyList<PlacementRestriction> _restrictions = [];

    public static string Prefixed(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));

    /// <summary>The restriction list, read once (the portal reads it on every registration).</summary>
    public async Task LoadRestrictionsAsync()
    {
        await using var cmd = db.CreateCommand("SELECT p.country_code, p.category, p.valid_from, p.valid_to, p.legal_basis FROM placement_restrictions AS p");
        await using var r = await cmd.ExecuteReaderAsync();
        var list = new List<PlacementRestriction>();
        while (await r.ReadAsync())
        {
            list.Add(new PlacementRestriction(r.GetString(0), Code<Category>(r, 1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetString(4)));
        }

        _restrictions = list;
    }

    /// <summary>
    /// POST /api/v1/coverage/lookup by membership number: lock row and worker with payments in one round
    /// trip, then the log row (and the lock row on a miss) in a second. <paramref name="log"/> false: the
    /// worker read alone.
    /// </summary>
    public async Task<IResult> LookupAsync(LookupRequest request, HttpContext http, bool log)
    {
        if (MembershipNumber.Check(request.MembershipNumber) is not null || !DateOnly.TryParseExact(request.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["membershipNumber"] = ["invalid"] });
        }

        var kpj = request.MembershipNumber!.Trim();
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(conn);
        var hash = hasher.Identifier(LookupKey.Kpj, kpj);
        if (log)
        {
            batch.BatchCommands.Add(Command(LockByHash, hash));
        }

        batch.BatchCommands.Add(Command(WorkerWithPaymentsByKpj, kpj, dob));
        (int Failures, DateTimeOffset? LockedUntil, DateTimeOffset WindowStartedAt)? lockRow = null;
        Worker? worker;
        await using (var r = await batch.ExecuteReaderAsync())
        {
            if (log)
            {
                if (await r.ReadAsync())
                {
                    lockRow = (r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3));
                }

                await r.NextResultAsync();
            }

            worker = null;
            while (await r.ReadAsync())
            {
                worker ??= ReadWorker(r, 0);
                if (!r.IsDBNull(41))
                {
                    worker.Payments.Add(ReadPayment(r, 41));
                }
            }
        }

        if (!log)
        {
            return worker is null ? NotFound() : Results.Ok(answers.Of(worker));
        }

        var client = hasher.Client(http.Connection.RemoteIpAddress);
        await using var write = new NpgsqlBatch(conn);
        IResult answer;
        if (lockRow is { LockedUntil: { } until } && until > now)
        {
            write.BatchCommands.Add(Command(InsertLookup, now, CoverageLookups.ApiChannel, client, "locked", DBNull.Value));
            answer = Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["TooManyTitle"]);
        }
        else if (worker is not null)
        {
            if (lockRow is not null)
            {
                write.BatchCommands.Add(Command(DeleteLock, hash));
            }

            write.BatchCommands.Add(Command(InsertLookup, now, CoverageLookups.ApiChannel, client, "found", worker.Id));
            answer = Results.Ok(answers.Of(worker));
        }
        else
        {
            // The portal's counting (CoverageLookups.CountFailureAsync) with its default settings: 5 failures in 15 minutes lock.
            write.BatchCommands.Add(Command(InsertLookup, now, CoverageLookups.ApiChannel, client, "not-found", DBNull.Value));
            if (lockRow is { } row)
            {
                var fresh = now - row.WindowStartedAt >= TimeSpan.FromMinutes(15) || row.LockedUntil is not null;
                var failures = (fresh ? 0 : row.Failures) + 1;
                write.BatchCommands.Add(Command(UpdateLock, failures, failures >= 5 ? now.AddMinutes(15) : DBNull.Value, fresh ? now : row.WindowStartedAt, hash));
            }
            else
            {
                write.BatchCommands.Add(Command(InsertLock, hash, 1, DBNull.Value, now));
            }

            answer = NotFound();
        }

        // One batch is one implicit transaction: the log row and the lock row are written together.
        await write.ExecuteNonQueryAsync();
        return answer;
    }

    /// <summary>GET /api/v1/workers?search=: the portal's count and page statements, in one round trip.</summary>
    public async Task<IResult> SearchAsync(string? search, int page, int pageSize)
    {
        var s = search?.Trim() ?? "";
        string where;
        object[] args;
        if (s.Length == 16 && s.All(char.IsAsciiDigit))
        {
            (where, args) = ("w.nik = $1", [s]);
        }
        else
        {
            var key = Worker.NameKeyOf(s);
            var pattern = key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            (where, args) = ("w.name_key LIKE $1 ESCAPE '\\' AND w.name_key >= $2 AND w.name_key < $3", [pattern + "%", key, key[..^1] + (char)(key[^1] + 1)]);
        }

        var n = args.Length;
        await using var conn = await db.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(Command($"SELECT count(*)::int FROM (SELECT 1 FROM workers AS w WHERE {where} LIMIT ${n + 1}) AS w0", [.. args, WorkerSearch.CountLimit + 1]));
        batch.BatchCommands.Add(Command($"SELECT {SearchColumns} FROM workers AS w WHERE {where} ORDER BY w.registered_on DESC, w.id DESC LIMIT ${n + 1} OFFSET ${n + 2}", [.. args, pageSize, (page - 1) * pageSize]));
        await using var r = await batch.ExecuteReaderAsync();
        await r.ReadAsync();
        var total = r.GetInt32(0);
        await r.NextResultAsync();
        var items = new List<WorkerSearch.Row>();
        while (await r.ReadAsync())
        {
            items.Add(new WorkerSearch.Row(r.GetGuid(0), r.GetString(1), Code<Stage>(r, 2), Code<Scheme>(r, 3), r.GetString(4), r.GetString(5), r.GetFieldValue<DateOnly>(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateOnly>(8), r.GetString(9)));
        }

        return Results.Ok(new { items, page, pageSize, total = Math.Min(total, WorkerSearch.CountLimit), totalIsLowerBound = total > WorkerSearch.CountLimit });
    }

    /// <summary>GET /api/v1/workers/{id}: the portal's four split-query statements, in one round trip.</summary>
    public async Task<IResult> GetWorkerAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        var (worker, _) = await LoadAsync(conn, id, documentsAndEvents: true);
        return worker is null ? NotFound() : Results.Ok(WorkerView.From(worker, clock.Today()));
    }

    /// <summary>
    /// POST /api/v1/workers: the portal's validation (RegisterWorker.Read, Registration.Check on the cached
    /// restrictions), then its writes in one transaction and one round trip: audit row, worker row, stage
    /// event, worker and cover tally upserts. A NIK taken is the unique index's answer (409).
    /// </summary>
    public async Task<IResult> RegisterAsync(RegisterWorker.Request request)
    {
        var today = clock.Today();
        var facts = request.ToFacts();
        var failures = RuleBook.After(RegisterValidator.Check(request), Registration.Check(facts, today, _restrictions));
        if (failures.Count > 0)
        {
            return Results.ValidationProblem(failures.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var now = clock.GetUtcNow();
        var w = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate, CreatedAt = now, UpdatedAt = now, Version = 1 };
        RegisterWorker.Apply(facts, w, today);
        w.NameKey = Worker.NameKeyOf(w.FullName);
        w.RegisteredMonth = (w.RegisteredOn.Year * 100) + w.RegisteredOn.Month;
        w.ProvinceCode = w.Nik[..2];
        w.RegencyCode = w.Nik[..4];
        var registration = new StageEvent { Id = Guid.CreateVersion7(), WorkerId = w.Id, Kind = StageEventKind.Registration, ToStage = Stage.Candidate, OccurredOn = w.RegisteredOn, RecordedAt = now, RecordedBy = Actor };
        w.StageEvents.Add(registration);
        WorkerCoverage.Refresh(w, today);

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Audit(w.Id, now, "registered", null, null, null));
        batch.BatchCommands.Add(Command(InsertWorker, WorkerValues(w)));
        batch.BatchCommands.Add(Command(InsertStageEvent, registration.Id, DBNull.Value, Codes.Of(registration.Kind), DBNull.Value, registration.OccurredOn, DBNull.Value, DBNull.Value, now, Actor, Codes.Of(Stage.Candidate), w.Id));
        var tallies = new TallyDeltas();
        tallies.Worker(FactsOf(w), +1);
        tallies.AddTo(batch);
        try
        {
            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "R-NIK-4");
        }

        return Results.Created($"/api/v1/workers/{w.Id}", WorkerView.From(w, today));
    }

    /// <summary>
    /// POST /api/v1/workers/{id}/payments: worker, its payments and the reference in one round trip; the
    /// portal's rules (PaymentRules, Tariff); then in one transaction the membership number (the same
    /// counter upsert) and the writes: two audit rows, payment, worker update, worker/cover/payment tallies.
    /// </summary>
    public async Task<IResult> PayAsync(Guid id, RecordPayment.Request request)
    {
        var today = clock.Today();
        var kind = Input.Code<PaymentKind>(request.Kind);
        var paidOn = Input.Date(request.PaidOn);
        var reference = Input.Text(request.Reference, 60);
        if (kind is null || paidOn is null || reference is null || request.Amount is not { } amount)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["invalid"] });
        }

        var normalized = PaymentDeduplication.NormalizeReference(reference!);
        var incoming = new PaymentSubmission(normalized, kind!.Value, amount, paidOn!.Value, request.Months, request.MonthlyAmount);
        await using var conn = await db.OpenConnectionAsync();
        var (worker, earlier) = await LoadAsync(conn, id, documentsAndEvents: false, reference: normalized);
        if (worker is null)
        {
            return NotFound();
        }

        if (earlier is not null)
        {
            var recorded = new PaymentSubmission(earlier.Reference, earlier.Kind, earlier.Amount, earlier.PaidOn, earlier.Months, earlier.MonthlyAmount);
            return earlier.WorkerId == worker.Id && PaymentDeduplication.Compare(recorded, incoming) == DuplicateOutcome.Same
                ? Results.Ok(Answer(earlier, worker))
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var history = WorkerCoverage.HistoryOf(worker, worker.Payments);
        var failures = PaymentRules.Check(new PaymentFacts(worker.Scheme, worker.Stage, worker.ContractMonths, worker.PlacementAgreementSignedOn, history, kind.Value, amount, paidOn.Value, request.Months, request.MonthlyAmount), today);
        if (failures.Count > 0)
        {
            return Results.ValidationProblem(failures.GroupBy(f => f.Field ?? "").ToDictionary(g => g.Key, g => g.Select(f => f.Key).ToArray()));
        }

        var now = clock.GetUtcNow();
        var expected = RecordPayment.Expected(worker, kind.Value, paidOn.Value, request.Months, request.MonthlyAmount);
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            WorkerId = worker.Id,
            Kind = kind.Value,
            Amount = amount,
            PaidOn = paidOn.Value,
            PaidMonth = (paidOn.Value.Year * 100) + paidOn.Value.Month,
            Reference = normalized,
            Months = kind is PaymentKind.Extension or PaymentKind.Jht ? request.Months : null,
            MonthlyAmount = kind == PaymentKind.Jht ? request.MonthlyAmount : null,
            RuleSet = expected.RuleSet!.Id,
            RecordedAt = now,
            RecordedBy = Actor,
        };
        var before = FactsOf(worker);
        var oldNumber = worker.MembershipNumber;
        var needsNumber = Participation.NeedsMembershipNumber(worker.MembershipNumber, worker.Payments.Count == 0);
        if (needsNumber && PreparedYears.TryAdd(paidOn.Value.Year, true))
        {
            await using var prepare = new NpgsqlCommand(MembershipNumbers.CreateSequenceSql(paidOn.Value.Year), conn);
            await prepare.ExecuteNonQueryAsync();
        }

        await using var tx = await conn.BeginTransactionAsync();
        if (needsNumber)
        {
            await using var issue = new NpgsqlCommand(IssueMembershipNumber(paidOn.Value.Year), conn, tx);
            worker.MembershipNumber = MembershipNumber.Issue(paidOn.Value.Year, (long)(await issue.ExecuteScalarAsync())!);
        }

        worker.Payments.Add(payment);
        WorkerCoverage.Refresh(worker, today);
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Audit(worker.Id, now, "payment", "payments", null, $"{Codes.Of(payment.Kind)} {payment.Amount.ToString(CultureInfo.InvariantCulture)} {payment.PaidOn:yyyy-MM-dd} {payment.Reference}"));
        if (oldNumber != worker.MembershipNumber)
        {
            batch.BatchCommands.Add(Audit(worker.Id, now, "updated", "membershipNumber", oldNumber, worker.MembershipNumber));
        }

        batch.BatchCommands.Add(Command(InsertPayment, payment.Id, payment.Amount, Codes.Of(payment.Kind), (object?)payment.MonthlyAmount ?? DBNull.Value, (object?)payment.Months ?? DBNull.Value, payment.PaidMonth, payment.PaidOn, now, Actor, payment.Reference, payment.RuleSet, worker.Id));
        var update = batch.BatchCommands.Count;
        batch.BatchCommands.Add(Command(UpdateWorkerAfterPayment, Nullable(worker.CoverPhase is { } phase ? Codes.Of(phase) : null), Nullable(worker.CoveredFrom), Nullable(worker.CoveredUntil), Nullable(worker.MembershipNumber), now, worker.Version + 1, worker.Id, worker.Version));
        var tallies = new TallyDeltas();
        tallies.Worker(before, -1);
        tallies.Worker(FactsOf(worker), +1);
        tallies.Payment(payment.PaidMonth, payment.Kind, payment.Amount);
        tallies.AddTo(batch);
        try
        {
            await batch.ExecuteNonQueryAsync();
            if (batch.BatchCommands[update].RecordsAffected != 1)
            {
                await tx.RollbackAsync();
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "stale");
            }

            await tx.CommitAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same payment sent twice at the same moment: the unique reference let one through.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        worker.Version++;
        return Results.Created($"/api/v1/workers/{id}/payments/{payment.Id}", Answer(payment, worker));
    }

    private static PaymentAnswer Answer(Payment p, Worker w) => new(p, w);

    private IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: text["NotFoundText"]);

    // The worker with its payments (and documents and stage events), and optionally a payment by reference: one round trip.
    private static async Task<(Worker? Worker, Payment? ByReference)> LoadAsync(NpgsqlConnection conn, Guid id, bool documentsAndEvents, string? reference = null)
    {
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(Command(WorkerById, id));
        if (documentsAndEvents)
        {
            batch.BatchCommands.Add(Command(DocumentsOfWorker, id));
        }

        batch.BatchCommands.Add(Command(PaymentsOfWorker, id));
        if (documentsAndEvents)
        {
            batch.BatchCommands.Add(Command(EventsOfWorker, id));
        }

        if (reference is not null)
        {
            batch.BatchCommands.Add(Command(PaymentByReference, reference));
        }

        await using var r = await batch.ExecuteReaderAsync();
        var worker = await r.ReadAsync() ? ReadWorker(r, 0) : null;
        if (documentsAndEvents)
        {
            await r.NextResultAsync();
            while (await r.ReadAsync())
            {
                worker?.Documents.Add(new DocumentVerification { Id = r.GetGuid(0), Reference = r.IsDBNull(1) ? null : r.GetString(1), Type = Code<DocumentType>(r, 2), Verified = r.GetBoolean(3), VerifiedAt = r.GetFieldValue<DateTimeOffset>(4), VerifiedBy = r.GetString(5), WorkerId = r.GetGuid(6) });
            }
        }

        await r.NextResultAsync();
        while (await r.ReadAsync())
        {
            worker?.Payments.Add(ReadPayment(r, 0));
        }

        if (documentsAndEvents)
        {
            await r.NextResultAsync();
            while (await r.ReadAsync())
            {
                worker?.StageEvents.Add(new StageEvent
                {
                    Id = r.GetGuid(0),
                    FromStage = r.IsDBNull(1) ? null : Code<Stage>(r, 1),
                    Kind = Code<StageEventKind>(r, 2),
                    Months = r.IsDBNull(3) ? null : r.GetInt32(3),
                    OccurredOn = r.GetFieldValue<DateOnly>(4),
                    PaymentId = r.IsDBNull(5) ? null : r.GetGuid(5),
                    Reason = r.IsDBNull(6) ? null : r.GetString(6),
                    RecordedAt = r.GetFieldValue<DateTimeOffset>(7),
                    RecordedBy = r.GetString(8),
                    ToStage = Code<Stage>(r, 9),
                    WorkerId = r.GetGuid(10),
                });
            }
        }

        Payment? byReference = null;
        if (reference is not null)
        {
            await r.NextResultAsync();
            byReference = await r.ReadAsync() ? ReadPayment(r, 0) : null;
        }

        return (worker, byReference);
    }

    private static Worker ReadWorker(NpgsqlDataReader r, int o)
    {
        string? S(int i) => r.IsDBNull(o + i) ? null : r.GetString(o + i);
        DateOnly? D(int i) => r.IsDBNull(o + i) ? null : r.GetFieldValue<DateOnly>(o + i);
        return new Worker
        {
            Id = r.GetGuid(o),
            Address = r.GetString(o + 1),
            AgencyLicence = S(2),
            AgencyName = S(3),
            ArrivedOn = D(4),
            Category = Code<Category>(r, o + 5),
            ContractMonths = r.GetInt32(o + 6),
            CoverPhase = r.IsDBNull(o + 7) ? null : Code<CoverPhase>(r, o + 7),
            CoveredFrom = D(8),
            CoveredUntil = D(9),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(o + 10),
            DateOfBirth = r.GetFieldValue<DateOnly>(o + 11),
            DepartedMonth = r.IsDBNull(o + 12) ? null : r.GetInt32(o + 12),
            DepartedOn = D(13),
            DestinationCountry = r.GetString(o + 14),
            DiedOn = D(15),
            Email = S(16),
            EmployerName = S(17),
            ExtensionMonths = r.GetInt32(o + 18),
            FailedDepartureOn = D(19),
            FamilyCardNumber = r.GetString(o + 20),
            FullName = r.GetString(o + 21),
            MembershipNumber = S(22),
            NameKey = r.GetString(o + 23),
            Nik = r.GetString(o + 24),
            Occupation = r.GetString(o + 25),
            PassportNumber = S(26),
            Phone = S(27),
            PlaceOfBirth = r.GetString(o + 28),
            PlacementAgreementSignedOn = D(29),
            ProvinceCode = r.GetString(o + 30),
            Purpose = Code<Purpose>(r, o + 31),
            RegencyCode = r.GetString(o + 32),
            RegisteredMonth = r.GetInt32(o + 33),
            RegisteredOn = r.GetFieldValue<DateOnly>(o + 34),
            Scheme = Code<Scheme>(r, o + 35),
            Sex = Code<Sex>(r, o + 36),
            Stage = Code<Stage>(r, o + 37),
            UpdatedAt = r.GetFieldValue<DateTimeOffset>(o + 38),
            Version = r.GetInt64(o + 39),
            WithdrawnOn = D(40),
        };
    }

    private static Payment ReadPayment(NpgsqlDataReader r, int o) => new()
    {
        Id = r.GetGuid(o),
        Amount = r.GetInt64(o + 1),
        Kind = Code<PaymentKind>(r, o + 2),
        MonthlyAmount = r.IsDBNull(o + 3) ? null : r.GetInt64(o + 3),
        Months = r.IsDBNull(o + 4) ? null : r.GetInt32(o + 4),
        PaidMonth = r.GetInt32(o + 5),
        PaidOn = r.GetFieldValue<DateOnly>(o + 6),
        RecordedAt = r.GetFieldValue<DateTimeOffset>(o + 7),
        RecordedBy = r.GetString(o + 8),
        Reference = r.GetString(o + 9),
        RuleSet = r.GetString(o + 10),
        WorkerId = r.GetGuid(o + 11),
    };

    internal static object[] WorkerValues(Worker w) =>
    [
        w.Id, w.Address, Nullable(w.AgencyLicence), Nullable(w.AgencyName), Nullable(w.ArrivedOn), Codes.Of(w.Category), w.ContractMonths, Nullable(w.CoverPhase is { } p ? Codes.Of(p) : null),
        Nullable(w.CoveredFrom), Nullable(w.CoveredUntil), w.CreatedAt, w.DateOfBirth, Nullable(w.DepartedMonth), Nullable(w.DepartedOn), w.DestinationCountry, Nullable(w.DiedOn), Nullable(w.Email),
        Nullable(w.EmployerName), w.ExtensionMonths, Nullable(w.FailedDepartureOn), w.FamilyCardNumber, w.FullName, Nullable(w.MembershipNumber), w.NameKey, w.Nik, w.Occupation, Nullable(w.PassportNumber),
        Nullable(w.Phone), w.PlaceOfBirth, Nullable(w.PlacementAgreementSignedOn), w.ProvinceCode, Codes.Of(w.Purpose), w.RegencyCode, w.RegisteredMonth, w.RegisteredOn, Codes.Of(w.Scheme), Codes.Of(w.Sex),
        Codes.Of(w.Stage), w.UpdatedAt, w.Version, Nullable(w.WithdrawnOn),
    ];

    private static readonly RegisterWorker.Validator RegisterValidator = new();

    private static Tallies.WorkerFacts FactsOf(Worker w) =>
        new(w.RegisteredMonth, w.Stage, [.. TallyDimensions.Breakdowns.Select(d => d.Value(typeof(Worker).GetProperty(d.Property)!.GetValue(w)))], w.DepartedMonth, w.MembershipNumber is not null, w.CoverPhase, w.CoveredUntil);

    private static NpgsqlBatchCommand Audit(Guid workerId, DateTimeOffset at, string action, string? field, string? oldValue, string? newValue) =>
        Command(InsertAudit, action, Actor, Actor, at, Nullable(field), Nullable(newValue), Nullable(oldValue), DBNull.Value, workerId);

    private static object Nullable<T>(T? value) => value is null ? DBNull.Value : value;

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var c = new NpgsqlBatchCommand(sql);
        foreach (var a in args)
        {
            c.Parameters.Add(a is DateOnly d ? new NpgsqlParameter { Value = d, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = a });
        }

        return c;
    }

    private static T Code<T>(NpgsqlDataReader r, int i)
        where T : struct, Enum =>
        Codes.TryParse<T>(r.GetString(i), out var v) ? v : throw new InvalidOperationException($"Unknown {typeof(T).Name} code.");

    /// <summary>
    /// Tally deltas summed per key, written as the portal writes them: one multi-row upsert per table,
    /// rows in the portal's key order (Tallies.Deltas), so concurrent writers lock in one order.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> PreparedYears = new();

    private sealed class TallyDeltas
    {
        // One shard per request, as the portal picks one per context (Tallies.Shards, decision 0012).
        private readonly int _shard = Tallies.PickShard();

        private readonly Dictionary<(int Month, string Stage, string Dimension, string Value), (long Workers, long Participants)> _workers = [];
        private readonly Dictionary<(string Stage, string Phase, int Until), long> _covers = [];
        private (int Month, PaymentKind Kind, long Amount)? _payment;

        public void Worker(Tallies.WorkerFacts f, int sign)
        {
            foreach (var (key, workers, participants) in Tallies.Of(f))
            {
                var k = (key.RegisteredMonth, Codes.Of(key.Stage), key.Dimension, key.Value);
                var (w, p) = _workers.GetValueOrDefault(k);
                _workers[k] = (w + (sign * workers), p + (sign * participants));
            }

            var ck = (Codes.Of(f.Stage), f.CoverPhase is { } phase ? Codes.Of(phase) : "", DateKeys.Day(f.CoveredUntil));
            _covers[ck] = _covers.GetValueOrDefault(ck) + sign;
        }

        public void Payment(int month, PaymentKind kind, long amount) => _payment = (month, kind, amount);

        public void AddTo(NpgsqlBatch batch)
        {
            var workers = _workers.Where(x => x.Value != default)
                .OrderBy(x => x.Key.Month).ThenBy(x => x.Key.Stage, StringComparer.Ordinal).ThenBy(x => x.Key.Dimension, StringComparer.Ordinal).ThenBy(x => x.Key.Value, StringComparer.Ordinal)
                .Select(x => new object[] { x.Key.Month, x.Key.Stage, x.Key.Dimension, x.Key.Value, _shard, x.Value.Workers, x.Value.Participants }).ToList();
            Upsert(batch, "worker_tallies", ["registered_month", "stage", "dimension", "value", "shard"], ["workers", "participants"], workers);
            var covers = _covers.Where(x => x.Value != 0)
                .OrderBy(x => x.Key.Stage, StringComparer.Ordinal).ThenBy(x => x.Key.Phase, StringComparer.Ordinal).ThenBy(x => x.Key.Until)
                .Select(x => new object[] { x.Key.Stage, x.Key.Phase, x.Key.Until, _shard, x.Value }).ToList();
            Upsert(batch, "cover_tallies", ["stage", "cover_phase", "covered_until", "shard"], ["workers"], covers);
            if (_payment is { } p)
            {
                Upsert(batch, "payment_tallies", ["paid_month", "kind", "shard"], ["payments", "amount"], [[p.Month, Codes.Of(p.Kind), _shard, 1L, p.Amount]]);
            }
        }

        private static void Upsert(NpgsqlBatch batch, string table, string[] keys, string[] measures, List<object[]> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var width = keys.Length + measures.Length;
            var values = string.Join(", ", rows.Select((_, r) => "(" + string.Join(", ", Enumerable.Range(1 + (r * width), width).Select(i => "$" + i)) + ")"));
            var sql = $"INSERT INTO {table} ({string.Join(", ", keys.Concat(measures))}) VALUES {values} ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", measures.Select(m => $"{m} = {table}.{m} + excluded.{m}"))}";
            batch.BatchCommands.Add(Command(sql, [.. rows.SelectMany(r => r)]));
        }
    }
}
