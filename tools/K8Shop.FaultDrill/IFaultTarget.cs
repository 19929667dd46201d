namespace K8Shop.FaultDrill;

/// <summary>The node the drill crashes and brings back.</summary>
public interface IFaultTarget
{
    string Name { get; }

    /// <summary>Ends the node at once (SIGKILL).</summary>
    Task KillAsync(CancellationToken cancellationToken);

    /// <summary>Starts it again and returns once it serves.</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}
