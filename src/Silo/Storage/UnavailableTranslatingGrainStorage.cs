using K8Shop.Contracts.Storage;
using Orleans.Storage;

namespace K8Shop.Silo.Storage;

/// <summary>
/// Wraps a grain storage so that "the store cannot be reached" (<see cref="DatastoreOutage"/>: the driver's connection
/// and timeout errors) reaches callers as one serializable <see cref="StorageUnavailableException"/> with the text the
/// original service answered. Anything else (a version conflict, which the runtime needs; a bug) passes through untouched.
/// </summary>
public sealed class UnavailableTranslatingGrainStorage(IGrainStorage inner, string backend, string unavailableMessage) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState));

    private async Task Translate(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not InconsistentStateException && DatastoreOutage.IsOutage(ex))
        {
            throw new StorageUnavailableException(backend, unavailableMessage);
        }
    }
}
