using Microsoft.AspNetCore.DataProtection;
using MigrantCover.Web.Data;

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
