using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Api;

public static class CoverageApi
{
    public static void MapCoverageApi(this RouteGroupBuilder api)
    {
        // POST /api/v1/coverage/lookup (public): identifiers only in the body, never in the URL. The body is
        // the page's lookup, checked the same way: membershipNumber or nik (with familyCardNumber), and dateOfBirth.
        api.MapPost("/coverage/lookup", async Task<IResult> (
                LookupRequest request,
                HttpContext http,
                CoverageLookups lookups,
                CoverageAnswers answers,
                IStringLocalizer<CoverageResource> text,
                CancellationToken cancellationToken) =>
            {
                // R-KPJ-1: arithmetic only, before any database access.
                var failures = lookups.Validate(request, out var key, out var dateOfBirth);
                if (failures.Count > 0)
                {
                    return Problems.Invalid(failures);
                }

                var result = await lookups.LookupAsync(key, dateOfBirth, CoverageLookups.ApiChannel, http, cancellationToken);
                switch (result.Status)
                {
                    case LookupStatus.Found:
                        return TypedResults.Ok(answers.Of(result.Worker!, result.ByNik));
                    case LookupStatus.Locked:
                        http.Response.Headers.RetryAfter = lookups.SecondsUntil(result.LockedUntil!.Value).ToString(CultureInfo.InvariantCulture);
                        return Problems.TooManyRequests(lookups.LockedMessage(result.LockedUntil.Value));
                    default:
                        // The same answer for an unknown number and a date of birth that does not match.
                        return Problems.NotFound(text["NotFoundText"]);
                }
            })
            .AllowAnonymous()
            .WithMetadata(new LookupEndpointAttribute())
            .WithName("LookupCoverage")
            .Produces<PublicCoverageAnswer>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
