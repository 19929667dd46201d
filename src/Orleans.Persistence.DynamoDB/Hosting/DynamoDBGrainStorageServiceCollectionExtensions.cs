using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence.DynamoDB;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;

namespace Orleans.Hosting;

/// <summary>Registers DynamoDB grain storage providers on a service collection.</summary>
public static class DynamoDBGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds DynamoDB as the default grain storage provider.</summary>
    public static IServiceCollection AddDynamoDBGrainStorageAsDefault(this IServiceCollection services, Action<DynamoDBStorageOptions> configureOptions) =>
        services.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, builder => builder.Configure(configureOptions));

    /// <summary>Adds DynamoDB as the default grain storage provider.</summary>
    public static IServiceCollection AddDynamoDBGrainStorageAsDefault(this IServiceCollection services, Action<OptionsBuilder<DynamoDBStorageOptions>>? configureOptions = null) =>
        services.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a DynamoDB grain storage provider under a name.</summary>
    public static IServiceCollection AddDynamoDBGrainStorage(this IServiceCollection services, string name, Action<DynamoDBStorageOptions> configureOptions) =>
        services.AddDynamoDBGrainStorage(name, builder => builder.Configure(configureOptions));

    /// <summary>Adds a DynamoDB grain storage provider under a name, its options validated when the silo starts.</summary>
    public static IServiceCollection AddDynamoDBGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<DynamoDBStorageOptions>>? configureOptions = null)
    {
        configureOptions?.Invoke(services.AddOptions<DynamoDBStorageOptions>(name));
        services.AddTransient<IConfigurationValidator>(sp => new DynamoDBStorageOptionsValidator(sp.GetOptionsByName<DynamoDBStorageOptions>(name), name));
        services.ConfigureNamedOptionForLogging<DynamoDBStorageOptions>(name);
        return services.AddGrainStorage(name, DynamoDBGrainStorageFactory.Create);
    }
}
