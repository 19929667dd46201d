using Microsoft.Extensions.Options;
using Orleans.Persistence.DynamoDB;
using Orleans.Providers;

namespace Orleans.Hosting;

/// <summary>Registers DynamoDB grain storage providers on a silo.</summary>
public static class DynamoDBGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds DynamoDB as the default grain storage provider.</summary>
    public static ISiloBuilder AddDynamoDBGrainStorageAsDefault(this ISiloBuilder builder, Action<DynamoDBStorageOptions> configureOptions) =>
        builder.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds DynamoDB as the default grain storage provider.</summary>
    public static ISiloBuilder AddDynamoDBGrainStorageAsDefault(this ISiloBuilder builder, Action<OptionsBuilder<DynamoDBStorageOptions>>? configureOptions = null) =>
        builder.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a DynamoDB grain storage provider under a name.</summary>
    public static ISiloBuilder AddDynamoDBGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDBStorageOptions> configureOptions)
    {
        builder.Services.AddDynamoDBGrainStorage(name, configureOptions);
        return builder;
    }

    /// <summary>Adds a DynamoDB grain storage provider under a name.</summary>
    public static ISiloBuilder AddDynamoDBGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<DynamoDBStorageOptions>>? configureOptions = null)
    {
        builder.Services.AddDynamoDBGrainStorage(name, configureOptions);
        return builder;
    }
}
