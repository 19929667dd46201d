using System.Diagnostics;
using System.Diagnostics.Metrics;
using K8Shop.Contracts.Faults;
using K8Shop.Faults.Switches;

namespace K8Shop.Faults.Telemetry;

/// <summary>
/// Meter <c>K8Shop.Faults</c>: <c>k8shop.faults.injected{fault}</c> counts each firing, <c>k8shop.faults.active{fault}</c>
/// is 1 while a switch is on on this node. Each firing also adds a <c>fault.injected</c> event (tag <c>fault.name</c>)
/// to the current span.
/// </summary>
public sealed class FaultTelemetry
{
    public const string MeterName = "K8Shop.Faults";
    public const string InjectedEvent = "fault.injected";
    public const string FaultNameTag = "fault.name";

    private readonly Counter<long> injected;

    public FaultTelemetry(IMeterFactory meters, FaultSwitches switches)
    {
        var meter = meters.Create(MeterName);
        injected = meter.CreateCounter<long>("k8shop.faults.injected", "{injection}", "Times a fault switch actually fired");
        meter.CreateObservableGauge("k8shop.faults.active", () => Observe(switches), "{switch}", "1 while the fault switch is on");
    }

    public void Injected(string fault)
    {
        injected.Add(1, new KeyValuePair<string, object?>("fault", fault));
        Activity.Current?.AddEvent(new ActivityEvent(InjectedEvent, tags: new ActivityTagsCollection { [FaultNameTag] = fault }));
    }

    private static IEnumerable<Measurement<int>> Observe(FaultSwitches switches) =>
        FaultCatalog.All.Select(f => new Measurement<int>(switches.IsOn(f.Name) ? 1 : 0, new KeyValuePair<string, object?>("fault", f.Name)));
}
