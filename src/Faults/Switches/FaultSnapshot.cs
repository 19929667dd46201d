using System.Collections.Frozen;
using K8Shop.Contracts.Faults;

namespace K8Shop.Faults.Switches;

/// <summary>
/// One immutable view of the switchboard on this node: the settings of the switches that are on. Built once per
/// change and swapped in whole, so readers never lock and never see half an update.
/// </summary>
public sealed class FaultSnapshot
{
    public static FaultSnapshot Empty { get; } = new(FaultBoard.Empty, DateTimeOffset.MinValue);

    public FaultSnapshot(FaultBoard board, DateTimeOffset now)
    {
        Board = board;
        Active = board.Settings
            .Where(s => FaultCatalog.TryGet(s.Key, out _) && s.Value.IsActiveAt(now))
            .ToFrozenDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        AnyActive = Active.Count > 0;
        NextExpiry = Active.Values.Select(s => s.ExpiresAt).Where(e => e is not null).Min();
    }

    /// <summary>The switchboard's state this snapshot was built from (expired switches included, as stored).</summary>
    public FaultBoard Board { get; }

    public long Version => Board.Version;

    /// <summary>The switches on when the snapshot was built, by name.</summary>
    public FrozenDictionary<string, FaultSetting> Active { get; }

    public bool AnyActive { get; }

    /// <summary>The earliest <see cref="FaultSetting.ExpiresAt"/> among <see cref="Active"/>: the snapshot must be rebuilt then.</summary>
    public DateTimeOffset? NextExpiry { get; }
}
