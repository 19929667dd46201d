using K8Shop.Grains.Catalog;
using K8Shop.Grains.Catalog.Search;
using K8Shop.Silo.Catalog;
using K8Shop.Silo.Migrations;
using Npgsql;

namespace K8Shop.Silo.Hosting;

public static class PostgresHostingExtensions
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>The catalog's connection pool as the silo runs it (the search benchmark measures through the same).</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "k8shop" };
        // PostgreSQL allows 100 connections by default, shared by every silo: keep each silo's pool modest
        // unless the connection string says otherwise (a burst queues briefly instead of failing).
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.MaxPoolSize = 20;
        // Nothing here keeps session state (no SET, LISTEN, temp tables or session locks), so a pooled
        // connection needs no DISCARD ALL on its way back, one statement per grain write less; and the
        // few statements run thousands of times (grain state, reminders) are prepared once per connection.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        return builder.Build();
    }

    /// <summary>
    /// Backs the catalog with PostgreSQL (<c>ConnectionStrings:Postgres</c>) and brings its schema up to date
    /// before the silo starts.
    /// </summary>
    public static IServiceCollection AddPostgresCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = RequiredConnectionStrings.Get(configuration, ConnectionStringName);

        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<IMigration, CatalogSeedMigration>();
        foreach (var migration in SqlMigration.Embedded())
            services.AddSingleton<IMigration>(migration);
        services.AddOptions<PostgresStartupOptions>().Bind(configuration.GetSection("Postgres"));
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<PostgresCatalogStore>();
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<PostgresCatalogStore>());
        services.AddSingleton<ICatalogSearch, PostgresCatalogSearch>();
        return services.AddCatalogPriceCache();
    }
}
