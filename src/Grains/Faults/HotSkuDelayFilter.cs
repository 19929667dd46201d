using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Inventory;
using K8Shop.Faults.Injection;

namespace K8Shop.Grains.Faults;

/// <summary>
/// hot-sku-delay: every call to an inventory SKU grain in the fault's scope (its SKU) waits the fault's latency before
/// it runs, on the silo that hosts the SKU, as a hot grain behind a slow dependency would. Free while no switch is on.
/// </summary>
public sealed class HotSkuDelayFilter(IFaultInjector faults) : IIncomingGrainCallFilter
{
    // Not async on the common path: every grain call passes here, and an async method would box its state per call.
    public Task Invoke(IIncomingGrainCallContext context) =>
        faults.AnyActive && context.Grain is IInventorySkuGrain ? DelayThenInvokeAsync(context) : context.Invoke();

    private async Task DelayThenInvokeAsync(IIncomingGrainCallContext context)
    {
        if (context.TargetId.Key.ToString() is { } sku)
            await faults.InjectAsync(FaultNames.HotSkuDelay, FaultScope.ForSku(sku));
        await context.Invoke();
    }
}
