namespace K8Shop.LoadGen.Running;

/// <summary>Starts operations until the clock or the stop token says no more, then waits for those in flight.</summary>
public interface ILoadDriver
{
    Task RunAsync(RunClock clock, CancellationToken stop);
}
