using System.Text.Json;
using System.Text.RegularExpressions;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

/// <summary>
/// Every problem response of the API (application/problem+json, decision 0007), in the request's
/// language: validation 400 with <c>errors</c> and <c>ruleIds</c> per field (and <c>expectedAmount</c>),
/// rule and conflict 409 (with <c>id</c> of the existing worker or the <c>candidates</c> to confirm),
/// not found 404, the token endpoint's 401, the exception handler's 400/409/413/500, and the framework's
/// own (no token, wrong role, unknown address, the rate limiter's 429), each with the request's trace id.
/// </summary>
public static partial class Problems
{
    /// <summary>The response to an operation that did not succeed.</summary>
    public static IResult Of<T>(Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(),
        OutcomeStatus.Conflict => Conflict(outcome),
        _ => Invalid(outcome.AllFailures, outcome.ExpectedAmount),
    };

    /// <summary>400: what is wrong with each field, and the rules it breaks.</summary>
    public static IResult Invalid(IReadOnlyList<Failure> failures, long? expectedAmount = null) => Localized(text =>
    {
        var extensions = FailureExtensions(failures, errors: false);
        if (expectedAmount is { } amount)
        {
            extensions["expectedAmount"] = amount;
        }

        return TypedResults.ValidationProblem(ByField(failures), title: text["InvalidTitle"], detail: text["InvalidDetail"], extensions: extensions);
    });

    /// <summary>
    /// An import file that cannot be imported (docs/import.md): 400 with the reason under <c>errors.file</c>
    /// and its <c>code</c>, or 413 when it is over the size limit.
    /// </summary>
    public static IResult BadFile(string code, int status, string detail) => LocalizedImport(text =>
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        return status == StatusCodes.Status413PayloadTooLarge
            ? TypedResults.Problem(statusCode: status, title: text["TooLargeTitle"], detail: detail, extensions: extensions)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [detail] }, title: text["FileProblemTitle"], detail: detail, extensions: extensions);
    });

    /// <summary>404, with the detail of the caller (the coverage lookup's own words) or the general one.</summary>
    public static IResult NotFound(string? detail = null) => Localized(text =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["NotFoundTitle"], detail: detail ?? text["NotFoundDetail"]));

    /// <summary>401 of the token endpoint: the same for an unknown e-mail, a wrong password, a locked and a disabled account.</summary>
    public static IResult Unauthorized() => Localized(text =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["UnauthorizedTitle"], detail: text["TokenRefused"]));

    /// <summary>429 with the caller's detail (an identifier locked until a time); the caller sets Retry-After.</summary>
    public static IResult TooManyRequests(string detail) => Localized(text =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["TooManyTitle"], detail: detail));

    /// <summary>
    /// The exception handler's problem: a malformed body 400, too large 413, a stale write 409, the database
    /// unreachable 503 (the handler adds Retry-After, decision 0011), anything else 500.
    /// </summary>
    public static ProblemDetails For(Exception exception, IStringLocalizer text) => exception switch
    {
        _ when DatabaseFailures.IsUnavailable(exception) => Details(503, text["UnavailableTitle"], text["UnavailableDetail"]),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Details(413, text["TooLargeTitle"], text["TooLargeDetail"]),
        BadHttpRequestException { InnerException: JsonException json } => Details(400, text["BadJsonTitle"], JsonDetail(json, text)),
        BadHttpRequestException bad when Unbound(bad) is { } failure => Invalid(failure, text),
        BadHttpRequestException => Details(400, text["BadRequestTitle"], text["BadRequestDetail"]),
        JsonException json => Details(400, text["BadJsonTitle"], JsonDetail(json, text)),
        DbUpdateConcurrencyException => Details(409, text["StaleTitle"], text["StaleDetail"]),
        _ => Details(500, text["ErrorTitle"], text["ErrorDetail"]),
    };

    /// <summary>
    /// Every problem written through the problem details service: the trace id, and for the framework's
    /// own problems (they come without a detail) a title and detail in the request's language.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Extensions["traceId"] = http.TraceIdentifier;
        if (problem.Detail is not null)
        {
            return;
        }

        var text = TextOf(http);
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Title = status switch
        {
            401 => text["UnauthorizedTitle"],
            404 => text["NotFoundTitle"],
            429 => text["TooManyTitle"],
            413 => text["TooLargeTitle"],
            403 or 405 or 415 => text[$"Status{status}Title"],
            _ => text["StatusOtherTitle"],
        };
        problem.Detail = status switch
        {
            401 or 403 or 404 or 405 or 415 => text[$"Status{status}Detail"],
            413 => text["TooLargeDetail"],
            429 => string.Format(CultureInfo.CurrentCulture, text["Status429Detail"], http.Response.Headers.RetryAfter.ToString()),
            _ => text["StatusOtherDetail"],
        };
    }

    /// <summary>409: the rule or record it conflicts with, the existing worker (<c>id</c>) or the workers to check (<c>candidates</c>).</summary>
    public static IResult Conflict<T>(Outcome<T> outcome) => Localized(text =>
    {
        var extensions = FailureExtensions(outcome.AllFailures, errors: true);
        if (outcome.ExistingId is { } id)
        {
            extensions["id"] = id;
        }

        if (outcome.Candidates is { } candidates)
        {
            extensions["candidates"] = candidates;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["ConflictTitle"], detail: outcome.Detail, extensions: extensions);
    });

    // Rule IDs per field, for every field with a failure (an empty list when no rule is involved).
    private static Dictionary<string, object?> FailureExtensions(IReadOnlyList<Failure> failures, bool errors)
    {
        var extensions = new Dictionary<string, object?>();
        if (failures.Count == 0)
        {
            return extensions;
        }

        if (errors)
        {
            extensions["errors"] = ByField(failures);
        }

        extensions["ruleIds"] = failures.GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => f.RuleId).OfType<string>().Distinct().ToArray());
        return extensions;
    }

    private static Dictionary<string, string[]> ByField(IReadOnlyList<Failure> failures) =>
        failures.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());

    private static ProblemDetails Details(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    // The same shape as Invalid above (errors and ruleIds per field), as the exception handler writes it.
    private static HttpValidationProblemDetails Invalid(Failure failure, IStringLocalizer text) => new(ByField([failure]))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = text["InvalidTitle"],
        Detail = text["InvalidDetail"],
        Extensions = FailureExtensions([failure], errors: false),
    };

    /// <summary>
    /// A parameter the framework could not bind (a missing body, <c>?page=abc</c>, <c>?workerId=x</c>) as a
    /// field failure that names the parameter (camelCase, "body" for the body) and says what it takes;
    /// the value itself is never echoed. Null for any other bad request.
    /// </summary>
    internal static Failure? Unbound(BadHttpRequestException exception)
    {
        var match = BindingMessage().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["implicit"].Success || match.Groups["source"].Value == "body")
        {
            return Failure.Input("body", "body.empty");
        }

        var name = match.Groups["name"].Value;
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        if (match.Groups["source"].Success)
        {
            return Failure.Input(field, "required");
        }

        var type = match.Groups["type"].Value;
        return (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => Failure.Input(field, "number.whole", ("example", "1")),
            "Guid" => Failure.Input(field, "id.format"),
            "DateOnly" or "DateTime" or "DateTimeOffset" => Failure.Input(field, "date.format"),
            "bool" or "Boolean" => Failure.Input(field, "code.unknown", ("allowed", "true, false")),
            _ => Failure.Input(field, "value.format"),
        };
    }

    // The framework's own words for a parameter it could not bind (RequestDelegateFactory, English only).
    [GeneratedRegex("""^(?:Required parameter "(?<type>[^" ]+) (?<name>\w+)" was not provided from (?<source>\w+)|(?<implicit>Implicit body inferred for parameter ")(?<name>\w+)"|Failed to bind parameter "(?<type>[^" ]+) (?<name>\w+)" from)""", RegexOptions.CultureInvariant)]
    private static partial Regex BindingMessage();

    // The path (like $.dateOfBirth) tells the caller which field; the raw value is never echoed.
    private static string JsonDetail(JsonException json, IStringLocalizer text) =>
        json.Path is { Length: > 2 } path ? string.Format(CultureInfo.CurrentCulture, text["BadJsonAt"], path[2..]) : text["BadJsonBody"];

    private static IStringLocalizer<ApiResource> TextOf(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<ApiResource>>();

    // The texts are read when the response is written, in the culture of the request.
    private static LocalizedResult Localized(Func<IStringLocalizer, IResult> build) => new(build);

    private static LocalizedResult LocalizedImport(Func<IStringLocalizer, IResult> build) => new(build, typeof(ImportResource));

    private sealed class LocalizedResult(Func<IStringLocalizer, IResult> build, Type? resource = null) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) =>
            build(resource is null ? TextOf(httpContext) : httpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(resource)).ExecuteAsync(httpContext);
    }
}
