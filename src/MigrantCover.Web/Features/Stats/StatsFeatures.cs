namespace MigrantCover.Web.Features.Stats;

public static class StatsFeatures
{
    /// <summary>The admin figures, shared by the dashboard, its exports and the API.</summary>
    public static IServiceCollection AddStatsFeatures(this IServiceCollection services) =>
        services
            .AddScoped<EnrollmentStats>()
            .AddScoped<ClaimStats>()
            .AddScoped<StatsRange.Reader>();
}
