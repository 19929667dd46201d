namespace K8Shop.Faults.Hosting;

/// <summary>How this node follows the switchboard; section <c>FaultSwitches</c> (the settings themselves are under <c>Faults</c>).</summary>
public sealed class FaultSwitchOptions
{
    public const string SectionName = "FaultSwitches";

    /// <summary>How often the node asks the switchboard whether anything changed (an unchanged answer carries no data).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>This node's name for <c>scope.silo</c>; default: the silo's name, else <c>POD_NAME</c>, else the machine name.</summary>
    public string? Instance { get; set; }
}
