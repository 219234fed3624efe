using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

/// <summary>Heirs and claims (docs/api.md, "Heirs", "Claims"): the same operations as the pages.</summary>
public static class ClaimsApi
{
    public static void MapClaimsApi(this RouteGroupBuilder api)
    {
        var heirs = api.MapOfficerGroup("/workers/{id:guid}/heirs", "Heirs", StatusCodes.Status404NotFound);

        heirs.MapGet("/", async (Guid id, AppDbContext db, CancellationToken ct) =>
                await HeirActions.ListAsync(db, id, ct) is { } list ? Results.Ok(new HeirsAnswer([.. list.Select(HeirView.From)])) : Problems.NotFound())
            .WithSummary("The worker's heirs with their class (R-HEIR-1); NIK masked (R-HEIR-6).")
            .Produces<HeirsAnswer>();

        heirs.MapPost("/", async (Guid id, HeirInput? request, HeirActions.Handler handler, CancellationToken ct) =>
            {
                if (request is null)
                {
                    return Problems.Invalid([Failure.Input("body", "body.empty")]);
                }

                var outcome = await handler.AddAsync(id, request, ct);
                return outcome.Succeeded ? TypedResults.Created($"/api/v1/workers/{id}/heirs/{outcome.Value!.Id}", HeirView.From(outcome.Value)) : Problems.Of(outcome);
            })
            .WithSummary("Record an heir (R-HEIR-3; NIK R-NIK-1..3, not the worker's own).")
            .Produces<HeirView>(StatusCodes.Status201Created);

        heirs.MapPut("/{heirId:guid}", async (Guid id, Guid heirId, HeirInput? request, HeirActions.Handler handler, CancellationToken ct) =>
                request is null ? Problems.Invalid([Failure.Input("body", "body.empty")]) : Heir(await handler.CorrectAsync(id, heirId, request, ct)))
            .WithSummary("Correct an heir, with a reason (R-HEIR-6).")
            .Produces<HeirView>().ProducesProblem(StatusCodes.Status409Conflict);

        heirs.MapPost("/{heirId:guid}/end", async (Guid id, Guid heirId, HeirActions.EndRequest? request, HeirActions.Handler handler, CancellationToken ct) =>
                request is null ? Problems.Invalid([Failure.Input("body", "body.empty")]) : Heir(await handler.EndAsync(id, heirId, request, ct)))
            .WithSummary("End an heir, with a reason (R-HEIR-6); nothing is deleted.")
            .Produces<HeirView>().ProducesProblem(StatusCodes.Status409Conflict);

        var claims = api.MapOfficerGroup("/claims", "Claims");

        claims.MapPost("/assess", async (ClaimRequest? request, ClaimActions.Handler handler, CancellationToken ct) =>
            {
                if (request is null)
                {
                    return Problems.Invalid([Failure.Input("body", "body.empty")]);
                }

                var outcome = await handler.AssessAsync(request, ct);
                return outcome.Succeeded ? Results.Ok(AssessmentView.From(outcome.Value!)) : Problems.Of(outcome);
            })
            .WithSummary("The pre-assessment of a claim (R-CLM-1..11); nothing is written.")
            .Produces<AssessmentView>().ProducesProblem(StatusCodes.Status404NotFound);

        claims.MapPost("/", async (ClaimRequest? request, ClaimActions.Handler handler, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (request is null)
                {
                    return Problems.Invalid([Failure.Input("body", "body.empty")]);
                }

                var outcome = await handler.ReportAsync(request, ct);
                if (!outcome.Succeeded)
                {
                    return Problems.Of(outcome);
                }

                var view = await ClaimQueries.ViewAsync(db, outcome.Value!.Id, clock.Today(), ct);
                return TypedResults.Created($"/api/v1/claims/{view!.Id}", view);
            })
            .WithSummary("Report a claim (R-CLM-5); expired 400 (R-CLM-7), the same claim twice 409 (R-CLM-9).")
            .Produces<ClaimView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapGet("/", async ([AsParameters] ClaimQueries.Filter filter, ClaimQueries.Handler handler, CancellationToken ct) =>
            {
                var outcome = await handler.ListAsync(filter, ct);
                if (!outcome.Succeeded)
                {
                    return Problems.Of(outcome);
                }

                return Results.Ok(outcome.Value!);
            })
            .WithSummary("Claims by worker, state and type; paging.")
            .Produces<ClaimQueries.Result>();

        claims.MapGet("/{id:guid}", async (Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await ClaimQueries.ViewAsync(db, id, clock.Today(), ct) is { } view ? Results.Ok(view) : Problems.NotFound())
            .WithSummary("A claim with its assessment, checklist and history.")
            .Produces<ClaimView>().ProducesProblem(StatusCodes.Status404NotFound);

        MapStep<OutcomeRequest>(claims, "outcome", "The second report of a two-stage type (R-CLM-6).", (h, id, r, ct) => h.OutcomeAsync(id, r, ct));
        MapStep<VerifyRequest>(claims, "verify", "Verify (R-CLM-9): documents complete, eligibility, the payee heir for deaths (R-HEIR-4).", (h, id, r, ct) => h.VerifyAsync(id, r, ct), bodyOptional: true);
        MapStep<object>(claims, "approve", "Approve by another staff member (four eyes, R-CLM-9); the amount is frozen (R-CLM-10).", (h, id, _, ct) => h.ApproveAsync(id, ct), bodyOptional: true);
        MapStep<PayRequest>(claims, "pay", "Record the payment with a reference, once (R-PAY-2).", (h, id, r, ct) => h.PayAsync(id, r, ct));
        MapStep<RejectRequest>(claims, "reject", "Reject with a reason and a text (R-CLM-9).", (h, id, r, ct) => h.RejectAsync(id, r, ct));

        claims.MapPut("/{id:guid}/documents/{code}", async (Guid id, string code, DocumentRequest? request, ClaimActions.Handler handler, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                request is null ? Problems.Invalid([Failure.Input("body", "body.empty")]) : await AnswerAsync(await handler.DocumentAsync(id, code, request, ct), db, clock, ct))
            .WithSummary("Verify (or withdraw) one checklist item (R-CLM-8).")
            .Produces<ClaimView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapStep<TRequest>(
        RouteGroupBuilder claims,
        string action,
        string summary,
        Func<ClaimActions.Handler, Guid, TRequest, CancellationToken, Task<Outcome<BenefitClaim>>> run,
        bool bodyOptional = false)
        where TRequest : class, new() =>
        claims.MapPost($"/{{id:guid}}/{action}", async (Guid id, HttpRequest http, ClaimActions.Handler handler, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var request = await ReadAsync<TRequest>(http, ct);
                if (request is null && !bodyOptional)
                {
                    return Problems.Invalid([Failure.Input("body", "body.empty")]);
                }

                return await AnswerAsync(await run(handler, id, request ?? new TRequest(), ct), db, clock, ct);
            })
            .WithSummary(summary)
            // The routing answers a body of another Content-Type 415 (the body read below would throw, a 500).
            .Accepts<TRequest>(bodyOptional, "application/json")
            .Produces<ClaimView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    // The body when there is one (malformed JSON is the exception handler's 400).
    private static async Task<T?> ReadAsync<T>(HttpRequest http, CancellationToken ct)
        where T : class
    {
        if (http.ContentLength == 0 || (http.ContentLength is null && !http.HasJsonContentType()))
        {
            return null;
        }

        return await http.ReadFromJsonAsync<T>(JsonConventions.Options, ct);
    }

    private static async Task<IResult> AnswerAsync(Outcome<BenefitClaim> outcome, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        outcome.Succeeded ? Results.Ok(await ClaimQueries.ViewAsync(db, outcome.Value!.Id, clock.Today(), ct)) : Problems.Of(outcome);

    private static IResult Heir(Outcome<Heir> outcome) => outcome.Succeeded ? Results.Ok(HeirView.From(outcome.Value!)) : Problems.Of(outcome);
}

/// <summary>GET /api/v1/workers/{id}/heirs: the worker's heirs, those that have not ended first.</summary>
public sealed record HeirsAnswer(IReadOnlyList<HeirView> Items);
