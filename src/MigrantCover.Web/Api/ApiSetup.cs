using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.OpenApi;

using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class ApiSetup
{
    public static IServiceCollection AddMigrantCoverApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Malformed bodies become exceptions we turn into 400 problems (never an empty 400 or a 500).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // docs/api.md: camelCase, enumerations as lowercase codes with hyphens, dates YYYY-MM-DD.
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => JsonConventions.Configure(o.SerializerOptions));

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "MigrantCover API",
                Version = "v1",
                Description = "Enrolment of Indonesian migrant workers (PMI) in BPJS Ketenagakerjaan. The reference is docs/api.md of the repository; this document is its live form.",
            });
            o.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);

            // Query parameters by the names docs/api.md gives them (search, pageSize, workerId), not the
            // filter records' property names: the binding takes either, a generated client sends these.
            o.DescribeAllParametersInCamelCase();

            // Feature classes nest their Request records (RegisterWorker.Request, RecordPayment.Request):
            // name schemas by their declaring type too, so the names stay unique.
            o.CustomSchemaIds(SchemaId);

            // A property of an enumeration or record type may be null (StageEvent.fromStage): its
            // reference is wrapped in allOf so that the property itself can say nullable.
            o.UseAllOfToExtendReferenceSchemas();
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from POST /api/v1/auth/token.",
            });
            // Only the operations that need a token say so: not /auth/token nor /coverage/lookup.
            o.OperationFilter<BearerRequirementFilter>();

            // Required fields and text lengths from the request validators' shared rules (InputShapes).
            o.SchemaFilter<InputShapeSchemaFilter>();
        });

        // Schemas as the API writes and reads them (JsonConventions): enumerations as their string codes.
        services.AddSingleton<Swashbuckle.AspNetCore.SwaggerGen.ISerializerDataContractResolver>(
            new Swashbuckle.AspNetCore.SwaggerGen.JsonSerializerDataContractResolver(JsonConventions.Options));
        return services;
    }

    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId)) : type.Name;
        return type.IsNested && !type.IsGenericParameter ? SchemaId(type.DeclaringType!) + name : name;
    }

    /// <summary>
    /// The largest body of an API request other than an import's file (4 MiB): far above any real body (a
    /// registration with 20 heirs is a few KB), so a body with over-long fields still gets its per-field 400.
    /// </summary>
    public const long MaxJsonBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Every operation documents 400, 500 and 503 (database unreachable); those that need a token also
    /// 401 and 403 (decided after the endpoint's own conventions, which may allow anonymous callers), and
    /// those that take a body 413 (over the server's or the endpoint's limit) and 415 (not its content type).
    /// Every operation without a body limit of its own gets <see cref="ApiBodyLimit"/>.
    /// </summary>
    public static RouteGroupBuilder WithOpenApiDefaults(this RouteGroupBuilder group)
    {
        group.WithGroupName("v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
            {
                ProducesProblems(endpoint, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
            }

            if (endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Any(a => a.ContentTypes.Count > 0))
            {
                ProducesProblems(endpoint, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
            }

            // A JSON body is small: over MaxJsonBodyBytes it is a 413 problem, not 30 MB read and parsed. The
            // imports set their own limit (RequestSizeLimit); ApiBodyLimits enforces this one.
            if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>().Any())
            {
                endpoint.Metadata.Add(new ApiBodyLimit(MaxJsonBodyBytes));
            }
        });
        return group;
    }

    private static void ProducesProblems(EndpointBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
            }
        }
    }

    /// <summary>
    /// A group of the officers' API under <paramref name="prefix"/>, tagged <paramref name="tag"/>: every
    /// operation needs an officer's token (so <see cref="WithOpenApiDefaults"/> documents 401 and 403), and
    /// the <paramref name="problems"/> every operation of the group can answer.
    /// </summary>
    public static RouteGroupBuilder MapOfficerGroup(this RouteGroupBuilder api, string prefix, string tag, params int[] problems)
    {
        var group = api.MapGroup(prefix).RequireAuthorization(Policies.ApiOfficer).WithTags(tag);
        foreach (var status in problems)
        {
            group.ProducesProblem(status);
        }

        return group;
    }

    public static void MapSwaggerUi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "MigrantCover API v1");
            o.DocumentTitle = "MigrantCover API";
        });
    }
}

/// <summary>
/// Marks a request schema's required fields and its texts' maximum lengths as its validator's shared
/// rules enforce them (<see cref="Features.Validation.InputShapes"/>), so the document says what a 400 would.
/// </summary>
internal sealed class InputShapeSchemaFilter(IServiceScopeFactory scopes) : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties || context.Type.IsPrimitive)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
        {
            return;
        }

        foreach (var (member, shape) in Features.Validation.InputShapes.Of(validator))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member);
            if (!properties.TryGetValue(name, out var property))
            {
                continue;
            }

            if (shape.Required)
            {
                target.Required ??= new HashSet<string>(StringComparer.Ordinal);
                target.Required.Add(name);
            }

            if (shape.MaxLength is { } max && property is OpenApiSchema text)
            {
                text.MaxLength = max;
            }
        }
    }
}

/// <summary>The bearer requirement on the operations that need a token (not those allowing anonymous callers).</summary>
internal sealed class BearerRequirementFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
    }
}

/// <summary>
/// 405 with Allow (a problem, through the status code pages) for an API address that exists for other
/// methods only, such as GET /api/v1/auth/token, instead of the 404 routing leaves it with here.
/// </summary>
public static class MethodNotAllowed
{
    public static void UseApiMethodNotAllowed(this WebApplication app)
    {
        var routes = new Lazy<List<(Microsoft.AspNetCore.Routing.Template.TemplateMatcher Matcher, IReadOnlyList<string> Methods)>>(() =>
            [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true || e.RoutePattern.RawText?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
                .Select(e => (Matcher: new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                        Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), []),
                    Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
                .Where(r => r.Methods.Count > 0)]);
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is null && http.IsApi())
            {
                var allowed = routes.Value.Where(r => r.Matcher.TryMatch(http.Request.Path, [])).SelectMany(r => r.Methods).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (allowed.Count > 0 && !allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
                {
                    http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    http.Response.Headers.Allow = string.Join(", ", allowed);
                    return;
                }
            }

            await next(http);
        });
    }
}
