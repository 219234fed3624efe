namespace MigrantCover.Web.Features.Workers;

public static class WorkerFeatures
{
    /// <summary>The officers' shared reads and writes, used by the pages and the API.</summary>
    public static IServiceCollection AddWorkerFeatures(this IServiceCollection services) =>
        services
            .AddScoped<RegisterWorker.Handler>()
            .AddScoped<UpdateWorker.Handler>()
            .AddScoped<RecordPayment.Handler>()
            .AddScoped<VerifyDocument.Handler>()
            .AddScoped<StageActions.Handler>()
            .AddScoped<WorkerSearch.Handler>()
            .AddScoped<Worklist.Handler>()
            .AddScoped<HistoryText>();
}
