using System.Diagnostics;

namespace K8Shop.FaultDrill;

/// <summary>A target killed and restarted by shell commands, e.g. <c>scripts/local-cluster.sh kill silo2</c>.</summary>
public sealed class ShellFaultTarget(string name, string killCommand, string restartCommand) : IFaultTarget
{
    public string Name => name;

    public Task KillAsync(CancellationToken cancellationToken) => RunAsync(killCommand, cancellationToken);

    public Task RestartAsync(CancellationToken cancellationToken) => RunAsync(restartCommand, cancellationToken);

    private static async Task RunAsync(string command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not run '{command}'");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
    }
}
