using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using Orleans.Storage;

namespace K8Shop.Silo.Faults;

/// <summary>
/// A latency fault on a grain storage's writes and clears (reads pass): <c>postgres-slow-writes</c> around the order and
/// payment storages, so each transition's durable write, and everything that waits for it, takes that much longer.
/// Scope: the user the state belongs to, when <paramref name="userOf"/> can tell.
/// </summary>
public sealed class SlowWritesGrainStorage(IGrainStorage inner, IFaultInjector faults, string fault, Func<object?, string?> userOf) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? SlowThen(grainState.State, () => inner.WriteStateAsync(stateName, grainId, grainState)) : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.AnyActive ? SlowThen(grainState.State, () => inner.ClearStateAsync(stateName, grainId, grainState)) : inner.ClearStateAsync(stateName, grainId, grainState);

    private async Task SlowThen(object? state, Func<Task> call)
    {
        await faults.InjectAsync(fault, FaultScope.ForUser(userOf(state)));
        await call();
    }
}
