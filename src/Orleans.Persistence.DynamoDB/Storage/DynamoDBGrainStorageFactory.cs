using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Persistence.DynamoDB;

/// <summary>Creates the storage registered under a provider name, with that name's options.</summary>
public static class DynamoDBGrainStorageFactory
{
    public static DynamoDBGrainStorage Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<DynamoDBGrainStorage>(services, name, services.GetOptionsByName<DynamoDBStorageOptions>(name));
}
