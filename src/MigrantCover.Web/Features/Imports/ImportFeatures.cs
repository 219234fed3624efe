namespace MigrantCover.Web.Features.Imports;

public static class ImportFeatures
{
    /// <summary>Bulk registration: the <c>Imports:</c> limits, starting an import (page and API); the job is built per run by Quartz.</summary>
    public static IServiceCollection AddImportFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions();
        return services.AddSingleton(options)
            .AddSingleton(sp => new ImportClock(sp.GetRequiredService<TimeProvider>()))
            .AddScoped<ImportUploads>();
    }
}

/// <summary>
/// The app's clock (the rules' "today") for the import job: Quartz builds the jobs of our named scheduler
/// through a provider that answers the scheduler's own (real) clock for <see cref="TimeProvider"/>, and a row
/// must be checked against the same "today" as the form.
/// </summary>
public sealed class ImportClock(TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;
}
