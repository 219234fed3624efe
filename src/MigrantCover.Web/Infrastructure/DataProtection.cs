using Microsoft.AspNetCore.DataProtection;

namespace MigrantCover.Web.Infrastructure;

public static class DataProtectionSetup
{
    public static IServiceCollection AddMigrantCoverDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("MigrantCover")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
