using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class MemoryStorageHostingExtensions
{
    /// <summary>
    /// An in-memory grain storage (embedded mode) that keeps states in Orleans' own format, as the cluster's stores do.
    /// The default JSON serializer cannot read back every state (an order's does not round-trip), which shows only
    /// when a grain is reactivated: after idle collection, or a saga crash the reminder must resume from what was stored.
    /// </summary>
    public static ISiloBuilder AddOrleansSerializedMemoryGrainStorage(this ISiloBuilder silo, string name) =>
        silo.AddMemoryGrainStorage(name, options => options.Configure<Serializer>(
            (o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

    /// <summary>
    /// A memory storage (Orleans' format) under <paramref name="name"/> whose writes meet the latency fault
    /// <paramref name="slowWritesFault"/>, as the PostgreSQL storage it stands in for does (scope: <paramref name="userOf"/> the state).
    /// </summary>
    public static ISiloBuilder AddMemoryGrainStorageWithSlowWrites(this ISiloBuilder silo, string name, string slowWritesFault, Func<object?, string?> userOf)
    {
        var memoryName = name + "-memory";
        silo.AddOrleansSerializedMemoryGrainStorage(memoryName);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) =>
            FaultsHostingExtensions.WithSlowWrites(services.GetRequiredKeyedService<IGrainStorage>(memoryName), services, slowWritesFault, userOf));
        return silo;
    }
}
