using K8Shop.Contracts.Faults;

namespace K8Shop.Faults.Switches;

/// <summary>
/// This node's copy of every fault switch (one per silo or gateway process, a DI singleton). Reads are one volatile
/// field read and a frozen-dictionary lookup; <see cref="AnyActive"/> is what hot paths test first, so with every
/// fault off an injection point costs a branch. The refresher (<see cref="Apply"/>) swaps in new snapshots.
/// </summary>
public sealed class FaultSwitches(TimeProvider time, FaultNode node)
{
    private FaultSnapshot current = FaultSnapshot.Empty;

    /// <summary>True while any switch is on (scope not considered): the cheap gate in front of every injection point.</summary>
    public bool AnyActive => Volatile.Read(ref current).AnyActive;

    public FaultSnapshot Current => Volatile.Read(ref current);

    /// <summary>This node's instance name, matched by <see cref="FaultScope.Silo"/>.</summary>
    public string Node => node.Name;

    /// <summary>The setting of <paramref name="fault"/> if it is on now (expiry checked), else null.</summary>
    public FaultSetting? ActiveSetting(string fault)
    {
        var snapshot = Volatile.Read(ref current);
        return snapshot.AnyActive && snapshot.Active.TryGetValue(fault, out var setting) && setting.IsActiveAt(time.GetUtcNow())
            ? setting
            : null;
    }

    public bool IsOn(string fault) => ActiveSetting(fault) is not null;

    /// <summary>The names of the switches on now, in catalog order.</summary>
    public IReadOnlyList<string> ActiveNames()
    {
        var snapshot = Volatile.Read(ref current);
        if (!snapshot.AnyActive)
            return [];
        var now = time.GetUtcNow();
        return [.. FaultCatalog.All.Where(f => snapshot.Active.TryGetValue(f.Name, out var s) && s.IsActiveAt(now)).Select(f => f.Name)];
    }

    /// <summary>
    /// Takes <paramref name="board"/> if its version differs from what this node holds (the switchboard is the one
    /// source, so any other version is the newer one), or rebuilds the same board once a switch has expired; returns
    /// whether anything changed.
    /// </summary>
    public bool Apply(FaultBoard board)
    {
        while (true)
        {
            var seen = Volatile.Read(ref current);
            var now = time.GetUtcNow();
            var expired = seen.NextExpiry is { } next && next <= now;
            if (board.Version == seen.Version && !expired)
                return false;
            var rebuilt = new FaultSnapshot(board, now);
            if (Interlocked.CompareExchange(ref current, rebuilt, seen) == seen)
                return true;
        }
    }

    /// <summary>Rebuilds the snapshot if a switch's duration has run out since it was built; returns whether it did.</summary>
    public bool ExpireDue()
    {
        var seen = Volatile.Read(ref current);
        return seen.NextExpiry is { } next && next <= time.GetUtcNow() && Apply(seen.Board);
    }
}

/// <summary>The name this process answers to in a fault's <see cref="FaultScope.Silo"/> (the silo's name, the gateway's pod).</summary>
public sealed record FaultNode(string Name);
