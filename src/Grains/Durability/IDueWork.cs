namespace K8Shop.Grains.Durability;

/// <summary>A grain whose work a crash can cut short; the due-work sweep calls it until it says nothing is left.</summary>
public interface IDueWork : IGrainWithStringKey
{
    /// <summary>Finishes what the grain has left to do (every step idempotent); true once nothing is left.</summary>
    Task<bool> ResumeDueWorkAsync();
}

/// <summary>One partition of the due-work index: the grains with work in progress, swept by one reminder.</summary>
public interface IDueWorkIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Records <paramref name="workers"/> as having work in progress; stored when this returns.</summary>
    Task ExpectAsync(System.Collections.Immutable.ImmutableArray<GrainId> workers);

    /// <summary>Forgets a worker whose work is done; stored with the partition's next write (a crash before it costs one needless resume).</summary>
    [Orleans.Concurrency.OneWay]
    Task DoneAsync(GrainId worker);
}
