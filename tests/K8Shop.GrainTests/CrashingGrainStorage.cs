using System.Collections.Concurrent;
using K8Shop.Contracts.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.GrainTests;

/// <summary>
/// An in-memory grain storage that keeps its own copies (as a real store does), counts writes per grain, and fails
/// the write a test planned, the way a silo dies between doing a step and storing that it did it.
/// </summary>
public sealed class CrashingGrainStorage : IGrainStorage
{
    private DeepCopier? _copier;

    private readonly ConcurrentDictionary<(string, GrainId), (object State, string ETag)> _items = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();
    private readonly ConcurrentDictionary<string, int> _plannedFailures = new();

    /// <summary>The silo's copier, given when the silo first asks for the store.</summary>
    public CrashingGrainStorage UsingCopier(DeepCopier copier)
    {
        _copier = copier;
        return this;
    }

    private DeepCopier Copier => _copier ?? throw new InvalidOperationException("the silo has not bound this store yet");

    private Serializer? _serializer;

    /// <summary>
    /// Fails a write whose state changed while it was being written: a real store serializes after its first await,
    /// while a reentrant grain may run other calls, and then fails ("Collection was modified") or stores half a change.
    /// </summary>
    public CrashingGrainStorage DetectingChangesDuringWrites(Serializer serializer)
    {
        _serializer = serializer;
        return this;
    }

    private readonly ConcurrentDictionary<string, IGrainStorage> _inner = new(StringComparer.Ordinal);

    /// <summary>
    /// Keeps the states named <paramref name="stateName"/> in <paramref name="store"/> (the order table) instead of its
    /// own copies; their writes are still counted and fail as planned.
    /// </summary>
    public CrashingGrainStorage Storing(string stateName, IGrainStorage store)
    {
        _inner[stateName] = store;
        return this;
    }

    /// <summary>Makes the <paramref name="writeNumber"/>-th write (counting from 1) of the grain keyed <paramref name="key"/> fail, once.</summary>
    public void FailWrite(string key, int writeNumber) => _plannedFailures[key] = writeNumber;

    /// <summary>Writes that reached the store for the grain keyed <paramref name="key"/>, failed ones excluded.</summary>
    public int Writes(string key) => _writes.GetValueOrDefault(key);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_inner.TryGetValue(stateName, out var inner))
            return inner.ReadStateAsync(stateName, grainId, grainState);
        if (_items.TryGetValue((stateName, grainId), out var item))
        {
            grainState.State = Copier.Copy((T)item.State);
            grainState.ETag = item.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = grainId.Key.ToString()!;
        if (_serializer is not null)
        {
            var before = _serializer.SerializeToArray(grainState.State);
            await Task.Delay(5);
            if (!before.AsSpan().SequenceEqual(_serializer.SerializeToArray(grainState.State)))
                throw new InvalidOperationException($"the state of {grainId} changed while it was being written");
        }
        if (_inner.TryGetValue(stateName, out var inner))
        {
            var next = _writes.GetValueOrDefault(key) + 1;
            if (_plannedFailures.TryGetValue(key, out var failing) && failing == next && _plannedFailures.TryRemove(key, out _))
                throw new StorageUnavailableException("test", $"planned failure of write {next} of {key}");
            await inner.WriteStateAsync(stateName, grainId, grainState);
            _writes[key] = next;
            return;
        }
        var copy = Copier.Copy(grainState.State)!;
        lock (_items)
        {
            var current = _items.TryGetValue((stateName, grainId), out var item) ? item.ETag : null;
            if (current != grainState.ETag)
                throw new InconsistentStateException($"stale write to {grainId}", current, grainState.ETag);
            var number = _writes.GetValueOrDefault(key) + 1;
            if (_plannedFailures.TryGetValue(key, out var planned) && planned == number && _plannedFailures.TryRemove(key, out _))
                throw new StorageUnavailableException("test", $"planned failure of write {number} of {key}");
            var etag = Guid.NewGuid().ToString("N");
            _items[(stateName, grainId)] = (copy, etag);
            _writes[key] = number;
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _items.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
