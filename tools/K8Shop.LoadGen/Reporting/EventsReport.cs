using K8Shop.LoadGen.Events;
using K8Shop.LoadGen.Invariants;

namespace K8Shop.LoadGen.Reporting;

/// <summary>
/// What the event watcher saw of this run's shoppers. Rates are over the measured window: produced by each event's
/// <c>occurred_at</c> (its state change), received by its arrival at the watcher; Expected is three events per
/// confirmed checkout. Received, Distinct and Duplicates count the whole run and the drain after it.
/// </summary>
public sealed record EventsReport(
    string Exchange,
    double WindowSeconds,
    long Received,
    long Distinct,
    long Duplicates,
    long Foreign,
    long Unreadable,
    double ProducedPerSecond,
    double ReceivedPerSecond,
    double ExpectedPerSecond,
    IReadOnlyList<RoutingKeyRate> RoutingKeys,
    EventDelay? Delay,
    EventsPerCheckout PerCheckout,
    QueueDepthReport? Queues,
    IReadOnlyList<InvariantCheck> Checks)
{
    public bool Passed => Checks.All(check => check.Passed);
}

/// <summary>One routing key's events of this run: how many arrived, and at what rates in the measured window.</summary>
public sealed record RoutingKeyRate(string RoutingKey, long Received, double ProducedPerSecond, double ReceivedPerSecond);

/// <summary>Nearest-rank percentiles of the delay from <c>occurred_at</c> to receipt, over the events whose state change fell in the measured window.</summary>
public sealed record EventDelay(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs);

/// <summary>
/// Confirmed checkouts against their events: ConfirmedAnswers is the orders the gateway answered confirmed (whole
/// run); an order is complete with its created, payment_succeeded and confirmed events.
/// </summary>
public sealed record EventsPerCheckout(
    long ConfirmedAnswers,
    long OrdersWithConfirmedEvent,
    long CompleteOrders,
    long ExpectedEvents,
    long ReceivedEvents,
    double EventsPerConfirmedOrder,
    IReadOnlyList<string> Examples);

/// <summary>The sampled queues (every <see cref="SampleSeconds"/> s during the load, via the management API) and their trends.</summary>
public sealed record QueueDepthReport(
    double SampleSeconds, int Samples, int FailedSamples, double ReferenceSeconds, IReadOnlyList<QueueTrend> Queues, string? LastFailure);
