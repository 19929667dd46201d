using K8Shop.Identity.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.Identity.Storage;

internal static class IdentityStoreRegistration
{
    /// <summary>The EF Core context on the configured store, and what creates its tables at start.</summary>
    public static IServiceCollection AddIdentityStore(this IServiceCollection services, IdentityProviderOptions options, IConfiguration configuration)
    {
        if (options.Store == IdentityStoreKind.Postgres)
        {
            var connectionString = configuration.GetConnectionString(IdentityProviderOptions.ConnectionStringName)!;
            services.AddDbContext<IdentityStoreContext>(db => db.UseNpgsql(connectionString).UseOpenIddict());
            services.AddSingleton<IIdentityStoreSchema>(new PostgresIdentityStoreSchema(connectionString));
            // Every pod must read the cookies, antiforgery and reset tokens another pod protected: one key ring, in the store.
            services.AddDataProtection().SetApplicationName("k8shop-identity").PersistKeysToDbContext<IdentityStoreContext>();
        }
        else
        {
            // A name of this host's own, so two hosts in one process (tests) never share an in-memory database.
            var connectionString = options.ConnectionString ?? $"Data Source=k8shop-identity-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
            services.AddDbContext<IdentityStoreContext>(db => db.UseSqlite(connectionString).UseOpenIddict());
            services.AddSingleton<IIdentityStoreSchema>(_ => new SqliteIdentityStoreSchema(connectionString));
        }
        return services;
    }
}
