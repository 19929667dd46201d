namespace K8Shop.LoadGen.Scenarios;

/// <summary>One unit of load, such as a fresh order's reserve and its release or commit.</summary>
public interface IOperation
{
    Task RunAsync(IInventorySession session);
}
