using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class StatsApi
{
    public static void MapStatsApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/stats/enrollment?from=&to= (registration dates, YYYY-MM-DD, both optional).
        api.MapGet("/stats/enrollment", async Task<IResult> ([AsParameters] StatsRange.Request request, StatsRange.Reader ranges, EnrollmentStats stats, CancellationToken ct) =>
            {
                var (range, failures) = ranges.Read(request);
                return failures.Count > 0 ? Problems.Invalid(failures) : TypedResults.Ok(await stats.GetAsync(range.From, range.To, ct));
            })
            .RequireAuthorization(Policies.ApiAdmin)
            .WithTags("Statistics")
            .WithSummary("Enrolment totals, breakdowns, contributions and coverage gaps (exact).")
            .Produces<EnrollmentReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // GET /api/v1/stats/claims?from=&to= (report dates, YYYY-MM-DD, both optional).
        api.MapGet("/stats/claims", async Task<IResult> ([AsParameters] StatsRange.Request request, StatsRange.Reader ranges, ClaimStats stats, CancellationToken ct) =>
            {
                var (range, failures) = ranges.Read(request);
                return failures.Count > 0 ? Problems.Invalid(failures) : TypedResults.Ok(await stats.GetAsync(range.From, range.To, ct));
            })
            .RequireAuthorization(Policies.ApiAdmin)
            .WithTags("Statistics")
            .WithSummary("Claims by type, state and month of report; reported against paid (exact).")
            .Produces<ClaimStatsReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
