using System.Diagnostics;

namespace K8Shop.TelemetryCost;

/// <summary>
/// What this process has consumed so far: CPU time (every thread, user and kernel), bytes allocated (exact, every
/// thread) and garbage collections. The difference of two snapshots is the cost of what ran between them.
/// </summary>
public readonly record struct CostSnapshot(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, long WallTimestamp)
{
    public static CostSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), Stopwatch.GetTimestamp());
    }

    public static Cost operator -(CostSnapshot after, CostSnapshot before) => new(
        after.Cpu - before.Cpu,
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        Stopwatch.GetElapsedTime(before.WallTimestamp, after.WallTimestamp));
}

/// <summary>The resources one measured phase used.</summary>
public readonly record struct Cost(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Wall);
