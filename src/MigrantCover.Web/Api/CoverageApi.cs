using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Api;

public static class CoverageApi
{
    /// <summary>The lookup body: <c>membershipNumber</c> or <c>nik</c>, and <c>dateOfBirth</c> (YYYY-MM-DD).</summary>
    public sealed record LookupRequest(string? MembershipNumber, string? Nik, DateOnly? DateOfBirth);

    public static void MapCoverageApi(this RouteGroupBuilder api)
    {
        // POST /api/v1/coverage/lookup (public): identifiers only in the body, never in the URL.
        api.MapPost("/coverage/lookup", async Task<Results<Ok<CoverageAnswer>, ProblemHttpResult, ValidationProblem>> (
                LookupRequest request,
                HttpContext http,
                CoverageLookups lookups,
                CoverageAnswers answers,
                IStringLocalizer<CoverageResource> text,
                CancellationToken cancellationToken) =>
            {
                // R-KPJ-1: arithmetic only, before any database access.
                var errors = lookups.Validate(request.MembershipNumber, request.Nik, request.DateOfBirth, out var key);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(
                        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                        title: text["InvalidTitle"],
                        extensions: new Dictionary<string, object?>
                        {
                            ["ruleIds"] = errors.Where(e => e.RuleId is not null).GroupBy(e => e.Field)
                                .ToDictionary(g => g.Key, g => g.Select(e => e.RuleId!).ToArray()),
                        });
                }

                var result = await lookups.LookupAsync(key, request.DateOfBirth!.Value, CoverageLookups.ApiChannel, http, cancellationToken);
                switch (result.Status)
                {
                    case LookupStatus.Found:
                        return TypedResults.Ok(answers.Of(result.Worker!));
                    case LookupStatus.Locked:
                        http.Response.Headers.RetryAfter = lookups.SecondsUntil(result.LockedUntil!.Value).ToString(CultureInfo.InvariantCulture);
                        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["TooManyTitle"], detail: lookups.LockedMessage(result.LockedUntil.Value));
                    default:
                        // The same answer for an unknown number and a date of birth that does not match.
                        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: text["NotFoundText"]);
                }
            })
            .AllowAnonymous()
            .WithMetadata(new LookupEndpointAttribute())
            .WithName("LookupCoverage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
