using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using Orleans.Storage;

namespace K8Shop.Silo.Faults;

/// <summary>
/// <c>dynamodb-throttling</c> and <c>dynamodb-latency</c> for embedded mode, where inventory lives in memory: a write or
/// clear waits, or fails with the same <see cref="Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException"/> the
/// cluster's DynamoDB client raises (without the SDK's retries, there being no SDK), so the same drills mean the same
/// thing in both modes. Scope: the SKU (the grain's key).
/// </summary>
public sealed class EmbeddedThrottlingGrainStorage(IGrainStorage inner, IFaultInjector faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? ThrottleThen(grainId, () => inner.WriteStateAsync(stateName, grainId, grainState)) : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? ThrottleThen(grainId, () => inner.ClearStateAsync(stateName, grainId, grainState)) : inner.ClearStateAsync(stateName, grainId, grainState);

    private async Task ThrottleThen(GrainId grainId, Func<Task> call)
    {
        var scope = FaultScope.ForSku(grainId.Key.ToString()!);
        await faults.InjectAsync(FaultNames.DynamoDBLatency, scope);
        await faults.InjectAsync(FaultNames.DynamoDBThrottling, scope, InventoryWriteFaultHandler.Throttled);
        await call();
    }
}
