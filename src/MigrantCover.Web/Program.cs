using MigrantCover.Web.Api;
using MigrantCover.Web.Commands;
using MigrantCover.Web.Demo;
using MigrantCover.Web.Features.Accounts;
using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Imports;
using MigrantCover.Web.Features.Messaging;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot (and its precompressed copies) in every environment when run from a build, not only in
// Development; a published app has no such manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();

// Logging: readable in Development, compact JSON elsewhere; never personal data (see docs/operations.md).
builder.Logging.ClearProviders();
builder.Services.AddMigrantCoverLogging(builder.Configuration, builder.Environment);

// Time is injected everywhere, so tests can pin "today".
builder.Services.AddSingleton(TimeProvider.System);

// Database: SQLite by default (zero set-up), PostgreSQL in production (Database:Provider).
builder.Services.AddMigrantCoverDatabase(builder.Configuration, builder.Environment);

// Staff accounts, sign-in cookie for pages, bearer tokens for /api/v1, policies per area.
builder.Services.AddMigrantCoverAuth(builder.Configuration);
builder.Services.AddStaffSignIn(builder.Configuration);

// Data Protection keys live in the database, so every instance reads the others' cookies and tokens.
builder.Services.AddMigrantCoverDataProtection();

// Behind a TLS-terminating proxy: forwarded headers from the configured proxies only (off by default), HSTS.
builder.Services.AddMigrantCoverProxy(builder.Configuration);

// Pages in Bahasa Indonesia by default, English by the visible switch (culture cookie).
builder.Services.AddMigrantCoverLocalization();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Workers", Policies.Officer);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
}).AddMvcOptions(options => options.ModelBindingMessageProvider.UseRuleTextBindingMessages());

// The JSON API (docs/api.md): every problem from Api/Problems, one exception handler, Swagger at /swagger.
builder.Services.AddMigrantCoverApi();

// The request validators (one per request record, shared by pages and API) and the shared operations.
builder.Services.AddMigrantCoverValidation();
builder.Services.AddWorkerFeatures();
builder.Services.AddStatsFeatures();
builder.Services.AddClaimFeatures();
builder.Services.AddImportFeatures(builder.Configuration);

// Public coverage lookup: per-address rate limit, per-identifier lock, proof tokens.
builder.Services.AddCoverageLookup(builder.Configuration);

// Background jobs: Quartz.NET on the app's database, clustered on PostgreSQL (Infrastructure/Jobs, docs/operations.md).
builder.Services.AddMigrantCoverJobs(builder.Configuration, builder.Environment);

// Messages to workers who consented: outbox, daily reminder scan, dispatcher, e-mail and SMS/WhatsApp (docs/coverage.md).
builder.Services.AddMigrantCoverMessaging(builder.Configuration);

// Traces and metrics (OpenTelemetry): OTLP only when OTEL_EXPORTER_OTLP_* is set; Prometheus at /admin/metrics for admins and the scrape key (decision 0025).
builder.Services.AddMigrantCoverTelemetry(builder.Configuration);

// Health: /health/live (process) and /health/ready (database reachable and migrated).
builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

var app = builder.Build();

// `create-admin` and `rebuild-tallies` run instead of serving (docs/operations.md).
if (await CommandLine.RunAsync(app.Services, args) is { } exitCode)
{
    return exitCode;
}

// An unreachable database does not stop the process: requests that need it answer 503 (Retry-After).
var migrated = await app.Services.MigrateDatabaseAsync();
if (migrated && app.Environment.IsDevelopment())
{
    await DemoSeeder.SeedForDevelopmentAsync(app);
}

// The visitor's scheme and address first (when behind a configured proxy), then the request's language, so that error responses (the API's problems, the pages' status pages) use it too.
app.UseMigrantCoverProxy();
app.UseRequestLocalization();

// One line per request, with the status the client got (outside the error handling); never the query string.
app.UseMigrantCoverRequestLogging();
app.UseMigrantCoverErrorHandling();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
if (app.Configuration.GetValue("Https:Redirect", !app.Environment.IsDevelopment()))
{
    app.UseHttpsRedirection();
}

app.UseResponseCompression();
app.UseRouting();
app.UseApiMethodNotAllowed();
app.UseRateLimiter();
app.UseLookupBodyLimit();
app.UseApiBodyLimit();
app.UseAuthentication();
app.UseMigrantCoverMetricsEndpoint();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapLanguageSwitch();
app.MapHealth();
app.MapSwaggerUi();

var api = app.MapGroup("/api/v1").WithOpenApiDefaults();
api.MapAuthApi();

// Officers: workers, documents, payments, stages.
api.MapWorkersApi();

// Officers: heirs and claims (§13, §14).
api.MapClaimsApi();
// Officers: bulk registration from a file (docs/import.md).
api.MapImportsApi(app.Services.GetRequiredService<ImportOptions>());

// Workers: the public coverage lookup.
api.MapCoverageApi();

// Admins: totals.
api.MapStatsApi();

app.PrintStartupBanner();
app.Run();
return 0;

/// <summary>The entry point, visible to the web tests' WebApplicationFactory.</summary>
public partial class Program;
