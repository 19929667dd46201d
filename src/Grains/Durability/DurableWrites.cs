using K8Shop.Contracts.Storage;

namespace K8Shop.Grains.Durability;

/// <summary>
/// Write-or-reload: a grain's state changes only by a write that the store confirmed. A write that fails (the store is
/// down, or another activation wrote first and the ETag conflicts) may still have landed, so memory cannot be trusted
/// either way: the state goes back to what was last read or written, and the activation deactivates, so the next call
/// reads what the store really holds.
/// </summary>
public static class DurableWrites
{
    /// <summary>Stores <paramref name="next"/> as the state; on failure restores the stored state, deactivates and rethrows.</summary>
    public static Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain, T next) =>
        PersistAsync(state, grain, next, s => s.WriteStateAsync());

    /// <summary>Deletes the record, leaving <paramref name="empty"/> in memory; on failure as <see cref="WriteOrReloadAsync{T}"/>.</summary>
    public static Task ClearOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain, T empty) =>
        PersistAsync(state, grain, empty, s => s.ClearStateAsync());

    /// <summary>
    /// The same for a grain that keeps its data in a store of its own (not grain state): runs <paramref name="write"/>,
    /// and on failure deactivates and rethrows, so the next call reads what the store holds. The grain changes its
    /// memory only after this returns.
    /// </summary>
    public static async Task StoreOrReloadAsync(this IGrainBase grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex)
        {
            grain.DeactivateOnIdle();
            // The runtime wraps storage failures; callers should see the store's own, serializable reason.
            if (GrainFailures.Cause(ex) is StorageUnavailableException unavailable)
                throw unavailable;
            throw;
        }
    }

    private static async Task PersistAsync<T>(IPersistentState<T> state, IGrainBase grain, T next, Func<IPersistentState<T>, Task> write)
    {
        var stored = state.State;
        state.State = next;
        try
        {
            await grain.StoreOrReloadAsync(() => write(state));
        }
        catch
        {
            state.State = stored;
            throw;
        }
    }
}
