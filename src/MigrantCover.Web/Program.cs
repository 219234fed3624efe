using MigrantCover.Web.Api;
using MigrantCover.Web.Commands;
using MigrantCover.Web.Demo;
using MigrantCover.Web.Features.Imports;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Jobs;
using Serilog;

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

// Data Protection keys live in the database, so every instance reads the others' cookies and tokens.
builder.Services.AddMigrantCoverDataProtection();

// Pages in Bahasa Indonesia by default, English by the visible switch (culture cookie).
builder.Services.AddMigrantCoverLocalization();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Workers", Policies.Officer);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
});

// The JSON API (docs/api.md): every problem from Api/Problems, one exception handler, Swagger at /swagger.
builder.Services.AddMigrantCoverApi();

// The request validators (one per request record, shared by pages and API) and the shared operations.
builder.Services.AddMigrantCoverValidation();
builder.Services.AddWorkerFeatures();
builder.Services.AddStatsFeatures();
builder.Services.AddImportFeatures(builder.Configuration);

// Public coverage lookup: per-address rate limit, per-identifier lock, proof tokens.
builder.Services.AddCoverageLookup(builder.Configuration);

// Background jobs: Quartz.NET on the app's database, clustered on PostgreSQL (Infrastructure/Jobs, docs/operations.md).
builder.Services.AddMigrantCoverJobs(builder.Configuration, builder.Environment);

// Health: /health/live (process) and /health/ready (database reachable and migrated).
builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

var app = builder.Build();

// `create-admin` and `rebuild-tallies` run instead of serving (docs/operations.md).
if (await CommandLine.RunAsync(app.Services, args) is { } exitCode)
{
    return exitCode;
}

await app.Services.MigrateDatabaseAsync();
if (app.Environment.IsDevelopment())
{
    await DemoSeeder.SeedForDevelopmentAsync(app);
}

// The request's language first, so that error responses (the API's problems, the pages' status pages) use it too.
app.UseRequestLocalization();
app.UseMigrantCoverErrorHandling();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseSerilogRequestLogging(o =>
{
    // Path without the query string: identifiers never reach a log line.
    o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
    o.Logger = app.Services.GetService<Serilog.ILogger>();
});
if (app.Configuration.GetValue("Https:Redirect", !app.Environment.IsDevelopment()))
{
    app.UseHttpsRedirection();
}

app.UseResponseCompression();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
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
