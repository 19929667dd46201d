namespace K8Shop.LoadGen.Scenarios;

/// <summary>One unit of load, such as a fresh order's reserve and its release or commit, or one shopper's checkout.</summary>
public interface IOperation
{
    Task RunAsync(IShopSession session);
}

/// <summary>The calls an operation may make: inventory ones and checkout ones, each timed, counted and entered in a ledger.</summary>
public interface IShopSession : IInventorySession, ICheckoutSession;
