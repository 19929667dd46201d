namespace K8Shop.Grains.Durability;

/// <summary>
/// Resuming interrupted work without a reminder per grain. A grain about to start work that a crash could cut short
/// (an order's saga, a payment's event, an inventory apply) first records itself, and grains it will call whose work
/// follows from it, in one partition of the due-work index (<see cref="DueWorkIndexGrain"/>); it says when it is done.
/// Each partition holds one reminder: a sweep that resumes whatever has been due for longer than it should take.
/// Records and removals of one partition share its writes (group commit), so under load many grains cost one write.
/// </summary>
/// <remarks>
/// Orleans 10's <c>Microsoft.Orleans.DurableJobs</c> (10.4.2-alpha.1 on our feed) was evaluated for this and not
/// taken: it is an alpha whose shards persist through <c>Microsoft.Orleans.Journaling</c>, which ships an in-memory
/// store and an Azure Storage one only, so the cluster profile would need a PostgreSQL journal store of our own written
/// against an alpha interface; and a job per order is still a schedule and a completion appended per order, which is
/// what this index does in about a hundred lines on the storage the orders already use.
/// </remarks>
public static class DueWork
{
    /// <summary>Partitions of the index: each one's writes and sweep are independent.</summary>
    public const int Partitions = 8;

    /// <summary>The partition of the work keyed <paramref name="key"/> (an order id): the same on every silo and every run.</summary>
    public static int PartitionOf(string key)
    {
        // FNV-1a: string.GetHashCode differs from process to process.
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % Partitions);
    }

    public static IDueWorkIndexGrain DueWorkIndex(this IGrainFactory grains, string key) =>
        grains.GetGrain<IDueWorkIndexGrain>(PartitionOf(key));

    /// <summary>Records <paramref name="workers"/> as due under <paramref name="key"/>; durable when it returns.</summary>
    public static Task ExpectWorkAsync(this IGrainFactory grains, string key, params GrainId[] workers) =>
        grains.DueWorkIndex(key).ExpectAsync([.. workers]);

    /// <summary>Tells the index that <paramref name="worker"/>'s work under <paramref name="key"/> is done (one-way).</summary>
    public static void WorkDone(this IGrainFactory grains, string key, GrainId worker) =>
        _ = grains.DueWorkIndex(key).DoneAsync(worker);
}
