using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class StatsApi
{
    public static void MapStatsApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/stats/enrollment?from=&to= (registration dates, YYYY-MM-DD, both optional).
        api.MapReport<EnrollmentStats, EnrollmentReport>(
            "/stats/enrollment",
            "Enrolment totals, breakdowns, contributions and coverage gaps (exact).",
            (stats, range, ct) => stats.GetAsync(range.From, range.To, ct));

        // GET /api/v1/stats/claims?from=&to= (report dates, YYYY-MM-DD, both optional).
        api.MapReport<ClaimStats, ClaimStatsReport>(
            "/stats/claims",
            "Claims by type, state and month of report; reported against paid (exact).",
            (stats, range, ct) => stats.GetAsync(range.From, range.To, ct));
    }

    /// <summary>An admin's report over a date range read by <see cref="StatsRange.Reader"/> (an invalid range is a problem).</summary>
    private static void MapReport<TStats, TReport>(this RouteGroupBuilder api, string pattern, string summary, Func<TStats, StatsRange, CancellationToken, Task<TReport>> report)
        where TStats : class =>
        api.MapGet(pattern, async Task<IResult> ([AsParameters] StatsRange.Request request, StatsRange.Reader ranges, TStats stats, CancellationToken ct) =>
            {
                var (range, failures) = ranges.Read(request);
                return failures.Count > 0 ? Problems.Invalid(failures) : TypedResults.Ok(await report(stats, range, ct));
            })
            .RequireAuthorization(Policies.ApiAdmin)
            .WithTags("Statistics")
            .WithSummary(summary)
            .Produces<TReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
