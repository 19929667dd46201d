using System.Diagnostics;
using K8Shop.LoadGen.Auth;
using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>What every operation of a run shares: the clients, the ledgers, the figures and the ids.</summary>
public sealed class RunContext(
    InventoryClient client, CheckoutClient checkout, OrderLedger ledger, CheckoutLedger checkoutLedger, RunRecorder recorder,
    OrderIds orderIds, int ttlSeconds, int orderRetries, ShopperPool? shoppers = null, TimeSpan? shopperWait = null)
{
    /// <summary>checkout under --auth required: the accounts checkouts borrow; null gives each checkout a fresh user id.</summary>
    public ShopperPool? Shoppers { get; } = shoppers;

    /// <summary>How long a checkout waits for an account to come free before it counts as a failure.</summary>
    public TimeSpan ShopperWait { get; } = shopperWait ?? TimeSpan.FromSeconds(10);

    public InventoryClient Client { get; } = client;
    public CheckoutClient Checkout { get; } = checkout;
    public OrderLedger Ledger { get; } = ledger;
    public CheckoutLedger CheckoutLedger { get; } = checkoutLedger;
    public RunRecorder Recorder { get; } = recorder;
    public OrderIds OrderIds { get; } = orderIds;
    public int TtlSeconds { get; } = ttlSeconds;

    /// <summary>How many more times a checkout sends its order after a retryable failure.</summary>
    public int OrderRetries { get; } = orderRetries;

    /// <summary>Runs one operation due at <paramref name="dueAt"/>; the session it returns says whether the server asked to back off.</summary>
    public async Task<OperationSession> RunAsync(IOperation operation, long dueAt, bool measured)
    {
        var session = new OperationSession(this, dueAt, measured);
        await operation.RunAsync(session);
        Recorder.For(measured).OperationCompleted(Stopwatch.GetTimestamp());
        await session.FinishAsync();
        return session;
    }
}
