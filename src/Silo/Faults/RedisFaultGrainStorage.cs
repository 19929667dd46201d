using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using Orleans.Storage;
using StackExchange.Redis;

namespace K8Shop.Silo.Faults;

/// <summary>
/// <c>redis-unavailable</c> at the cart storage's driver boundary: a read, write or clear fails with the
/// <see cref="RedisConnectionException"/> StackExchange.Redis raises when no connection can carry the command, before
/// Redis is asked; the storage above it answers "cart backend unavailable" (503) as in a real outage. Scope: the user
/// (the cart's key).
/// </summary>
public sealed class RedisFaultGrainStorage(IGrainStorage inner, IFaultInjector faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? FailOr(grainId, "GET", () => inner.ReadStateAsync(stateName, grainId, grainState)) : inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? FailOr(grainId, "EVAL", () => inner.WriteStateAsync(stateName, grainId, grainState)) : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? FailOr(grainId, "DEL", () => inner.ClearStateAsync(stateName, grainId, grainState)) : inner.ClearStateAsync(stateName, grainId, grainState);

    private async Task FailOr(GrainId grainId, string command, Func<Task> call)
    {
        await faults.InjectAsync(FaultNames.RedisUnavailable, FaultScope.ForUser(grainId.Key.ToString()), () => Unavailable(command));
        await call();
    }

    private static RedisConnectionException Unavailable(string command) => new(
        ConnectionFailureType.UnableToConnect,
        $"No connection is active/available to service this operation: {command} (fault drill: {FaultNames.RedisUnavailable})");
}
