using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class StatsApi
{
    public static void MapStatsApi(this RouteGroupBuilder api)
    {
        // GET /api/v1/stats/enrollment?from=&to= (registration dates, YYYY-MM-DD, both optional).
        api.MapGet("/stats/enrollment", async Task<IResult> (string? from, string? to, EnrollmentStats stats, CancellationToken ct) =>
            {
                var (range, errors) = StatsRange.Parse(from, to, Localization.Language);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(
                        errors,
                        detail: "The date range is not valid.",
                        extensions: new Dictionary<string, object?> { ["ruleIds"] = errors.Keys.ToDictionary(k => k, _ => Array.Empty<string>()) });
                }

                var report = await stats.GetAsync(range.From, range.To, ct);
                return TypedResults.Ok(report);
            })
            .RequireAuthorization(Policies.ApiAdmin)
            .WithTags("Statistics")
            .WithSummary("Enrolment totals, breakdowns, contributions and coverage gaps (exact).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
