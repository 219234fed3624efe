using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

/// <summary>The officers' API (docs/api.md, "Workers"): the same operations and validators as the pages.</summary>
public static class WorkersApi
{
    public static void MapWorkersApi(this RouteGroupBuilder api)
    {
        var workers = api.MapOfficerGroup("/workers", "Workers");

        workers.MapPost("/", async (RegisterWorker.Request request, RegisterWorker.Handler handler, TimeProvider clock, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(request, ct);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/workers/{outcome.Value!.Id}", WorkerView.From(outcome.Value, clock.Today()))
                    : Problems.Of(outcome);
            })
            .WithSummary("Register a candidate (R-REG-1, R-NIK-*, R-AGE-*, R-CAT-*, R-SCH-*, R-DST-*).")
            .Produces<WorkerView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        workers.MapGet("/", async ([AsParameters] WorkerSearch.Filter filter, WorkerSearch.Handler search, CancellationToken ct) =>
            {
                var outcome = await search.RunAsync(filter, ct);
                if (!outcome.Succeeded)
                {
                    return Problems.Of(outcome);
                }

                var r = outcome.Value!;
                return TypedResults.Ok(new { items = r.Items, page = r.Page, pageSize = r.PageSize, total = r.Total, totalIsLowerBound = r.TotalIsLowerBound });
            })
            .WithSummary("Find workers: search by NIK, membership number, passport number or name prefix; filters; paging.")
            .Produces<WorkerSearch.Result>();

        workers.MapGet("/{id:guid}", async (Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await WorkerQueries.LoadAsync(db, id, ct) is { } w ? Results.Ok(WorkerView.From(w, clock.Today())) : Problems.NotFound())
            .WithSummary("A worker with documents, payments, stage history and coverage as of today.")
            .Produces<WorkerView>().ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapPut("/{id:guid}", async (Guid id, UpdateWorker.Request request, UpdateWorker.Handler handler, TimeProvider clock, CancellationToken ct) =>
                Answer(await handler.HandleAsync(id, request, ct), clock))
            .WithSummary("Correct a worker's data, with a reason and the version it was read at (409 when stale).")
            .Produces<WorkerView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        workers.MapGet("/{id:guid}/history", async (Guid id, AppDbContext db, HistoryText words, CancellationToken ct) =>
            {
                var history = await words.OfWorkerAsync(db, id, ct);
                return history.Count == 0 ? Problems.NotFound() : Results.Ok(history);
            })
            .WithSummary("Every change to the worker: when, who, what (field, old, new), why, and a description in the request's language.")
            .Produces<IReadOnlyList<HistoryView>>().ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapPut("/{id:guid}/documents/{type}", async (Guid id, string type, VerifyDocument.Request request, VerifyDocument.Handler handler, TimeProvider clock, CancellationToken ct) =>
                Answer(await handler.HandleAsync(id, type, request, ct), clock))
            .WithSummary("Record one of the eight R-DOC-1 documents as verified; the passport takes its number (R-DOC-2).")
            .Produces<WorkerView>().ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapPost("/{id:guid}/payments", async (Guid id, RecordPayment.Request request, RecordPayment.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(id, request, ct);
                if (!outcome.Succeeded)
                {
                    return Problems.Of(outcome);
                }

                var answer = new PaymentAnswer(outcome.Value!.Payment, outcome.Value.Worker);
                return outcome.Value!.Existing
                    ? Results.Ok(answer)
                    : TypedResults.Created($"/api/v1/workers/{id}/payments/{answer.Id}", answer);
            })
            .WithSummary("Record a contribution (R-PAY-1..4); the same payment sent again answers the existing one (R-PAY-2).")
            .Produces<PaymentAnswer>(StatusCodes.Status201Created).Produces<PaymentAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        workers.MapGet("/{id:guid}/payments/{paymentId:guid}", async (Guid id, Guid paymentId, AppDbContext db, CancellationToken ct) =>
            {
                var w = await WorkerQueries.LoadAsync(db, id, ct);
                var p = w?.Payments.SingleOrDefault(x => x.Id == paymentId);
                return p is null ? Problems.NotFound() : Results.Ok(new PaymentAnswer(p, w!));
            })
            .WithSummary("One recorded payment.")
            .Produces<PaymentAnswer>().ProducesProblem(StatusCodes.Status404NotFound);

        MapStage<StageActions.DepartureRequest>(workers, "departure", "Record the departure (guarded by R-COV-8; every unmet condition is listed).", (h, id, r, ct) => h.DepartAsync(id, r, ct));
        MapStage<StageActions.ExtensionRequest>(workers, "extension", "Record an extension abroad with its payment (R-COV-5, R-TAR-4).", (h, id, r, ct) => h.ExtendAsync(id, r, ct));
        MapStage<StageActions.ReturnRequest>(workers, "return", "Record the return (arrival date; R-COV-6).", (h, id, r, ct) => h.ReturnAsync(id, r, ct));
        MapStage<StageActions.ReasonRequest>(workers, "failed-departure", "Record a failed departure with its reason (§9, R-COV-1).", (h, id, r, ct) => h.FailDepartureAsync(id, r, ct));
        MapStage<StageActions.ReasonRequest>(workers, "withdrawal", "Withdraw a registration before any payment (§9).", (h, id, r, ct) => h.WithdrawAsync(id, r, ct));
        MapStage<StageActions.DeathRequest>(workers, "death", "Record a death (§9).", (h, id, r, ct) => h.DieAsync(id, r, ct));
    }

    private static void MapStage<TRequest>(
        RouteGroupBuilder workers,
        string action,
        string summary,
        Func<StageActions.Handler, Guid, TRequest, CancellationToken, Task<Outcome<Worker>>> run)
        where TRequest : class =>
        workers.MapPost($"/{{id:guid}}/{action}", async (Guid id, TRequest? request, StageActions.Handler handler, TimeProvider clock, CancellationToken ct) =>
                request is null
                    ? Problems.Invalid([Failure.Input("body", "body.empty")])
                    : Answer(await run(handler, id, request, ct), clock))
            .WithSummary(summary)
            .Produces<WorkerView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult Answer(Outcome<Worker> outcome, TimeProvider clock) =>
        outcome.Succeeded ? Results.Ok(WorkerView.From(outcome.Value!, clock.Today())) : Problems.Of(outcome);
}
