using K8Shop.Identity.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace K8Shop.Identity.Storage;

/// <summary>Accounts (ASP.NET Core Identity), OpenIddict's applications, authorizations, scopes and tokens, and the data protection keys.</summary>
public sealed class IdentityStoreContext(DbContextOptions<IdentityStoreContext> options)
    : IdentityDbContext<ShopUser>(options), IDataProtectionKeyContext
{
    /// <summary>The PostgreSQL schema; SQLite has none.</summary>
    public const string Schema = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        if (Database.IsNpgsql())
            builder.HasDefaultSchema(Schema);
    }
}
