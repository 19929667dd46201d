using System.Globalization;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Reporting;

namespace K8Shop.LoadGen.Events;

/// <summary>What a run's checkouts and the watcher's log, queue samples and window add up to, and the checks on them.</summary>
public sealed record EventRunFacts(
    string Exchange,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long ConfirmedAnswers,
    double ConfirmedPerSecond,
    IReadOnlyList<ObservedEvent> Events,
    long Foreign,
    long Unreadable,
    QueueDepthReport? Queues,
    TimeSpan P99Goal);

/// <summary>Turns the watcher's findings into an <see cref="EventsReport"/>: rates, delays, completeness per order, queue trends, verdicts.</summary>
public static class EventsReportBuilder
{
    public const string OrderCreated = "orders.order_created";
    public const string PaymentSucceeded = "orders.payment_succeeded";
    public const string OrderConfirmed = "orders.order_confirmed";
    public const int EventsPerConfirmedCheckout = 3;

    /// <summary>Received/s may trail produced/s by this share in the window: events of its last moments arrive just after it.</summary>
    public const double KeepUpRatio = 0.95;

    private const int MaxExamples = 5;
    private static readonly string[] CheckoutKeys = [OrderCreated, PaymentSucceeded, OrderConfirmed];

    public static EventsReport Build(EventRunFacts facts)
    {
        var seconds = (facts.WindowEnd - facts.WindowStart).TotalSeconds;
        var distinct = facts.Events.GroupBy(observed => observed.MessageId, StringComparer.Ordinal).Select(group => group.MinBy(observed => observed.ReceivedAt)!).ToList();
        var produced = distinct.Count(observed => InWindow(facts, observed.OccurredAt));
        var received = facts.Events.Count(observed => InWindow(facts, observed.ReceivedAt));
        var keys = distinct.GroupBy(observed => observed.RoutingKey, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new RoutingKeyRate(
                group.Key, group.LongCount(),
                PerSecond(group.Count(observed => InWindow(facts, observed.OccurredAt)), seconds),
                PerSecond(group.Count(observed => InWindow(facts, observed.ReceivedAt)), seconds)))
            .ToList();
        var delay = Delay(distinct.Where(observed => InWindow(facts, observed.OccurredAt)));
        var perCheckout = PerCheckout(facts.ConfirmedAnswers, distinct);
        var report = new EventsReport(
            facts.Exchange, seconds, facts.Events.Count, distinct.Count, facts.Events.Count - distinct.Count, facts.Foreign, facts.Unreadable,
            PerSecond(produced, seconds), PerSecond(received, seconds), facts.ConfirmedPerSecond * EventsPerConfirmedCheckout,
            keys, delay, perCheckout, facts.Queues, []);
        return report with { Checks = Checks(report, facts.P99Goal) };
    }

    /// <summary>Each confirmed order's own events (by order id), counted once per message id.</summary>
    public static EventsPerCheckout PerCheckout(long confirmedAnswers, IEnumerable<ObservedEvent> distinct)
    {
        var confirmedOrders = distinct.Where(observed => observed.OrderId is not null && CheckoutKeys.Contains(observed.RoutingKey))
            .GroupBy(observed => observed.OrderId!, StringComparer.Ordinal)
            .Where(order => order.Any(observed => observed.RoutingKey == OrderConfirmed))
            .ToList();
        var incomplete = confirmedOrders.Where(order => CheckoutKeys.Any(key => order.All(observed => observed.RoutingKey != key))).ToList();
        var events = confirmedOrders.Sum(order => order.LongCount());
        var examples = incomplete.Take(MaxExamples)
            .Select(order => $"order {order.Key}: only {string.Join(", ", order.Select(observed => observed.RoutingKey).Distinct().Order(StringComparer.Ordinal))}")
            .ToList();
        return new EventsPerCheckout(
            confirmedAnswers, confirmedOrders.Count, confirmedOrders.Count - incomplete.Count, confirmedAnswers * EventsPerConfirmedCheckout, events,
            confirmedOrders.Count > 0 ? (double)events / confirmedOrders.Count : 0, examples);
    }

    private static EventDelay? Delay(IEnumerable<ObservedEvent> events)
    {
        var sorted = events.Select(observed => observed.Delay.Ticks).Order().ToArray();
        if (sorted.Length == 0)
            return null;
        double At(decimal point) => TimeSpan.FromTicks(Percentiles.NearestRank(sorted, point)).TotalMilliseconds;
        return new EventDelay(sorted.Length, At(50m), At(90m), At(99m), At(100m));
    }

    private static List<InvariantCheck> Checks(EventsReport report, TimeSpan p99Goal)
    {
        var checks = new List<InvariantCheck>
        {
            new("events keep up",
                report.ProducedPerSecond > 0 && report.ReceivedPerSecond >= KeepUpRatio * report.ProducedPerSecond,
                Invariant($"received {report.ReceivedPerSecond:0.0}/s, produced {report.ProducedPerSecond:0.0}/s (by occurred_at) in the window; needs >= {KeepUpRatio:0.##} x produced and some events")),
            report.Delay is { } delay
                ? new("delay p99", delay.P99Ms < p99Goal.TotalMilliseconds,
                    Invariant($"p99 {delay.P99Ms:0.0} ms from occurred_at to receipt over {delay.Count} event(s); goal < {p99Goal.TotalMilliseconds:0} ms"))
                : new("delay p99", false, "no event of this run changed state in the measured window"),
        };
        var orders = report.PerCheckout;
        checks.Add(new("events per confirmed checkout",
            orders.OrdersWithConfirmedEvent >= orders.ConfirmedAnswers && orders.CompleteOrders == orders.OrdersWithConfirmedEvent,
            Invariant($"{orders.ConfirmedAnswers} order(s) answered confirmed, {orders.OrdersWithConfirmedEvent} with an order_confirmed event, {orders.CompleteOrders} of them with all {EventsPerConfirmedCheckout} events ({orders.ReceivedEvents} distinct, {orders.EventsPerConfirmedOrder:0.00} per order; expected {orders.ExpectedEvents})")));
        if (report.Queues is { } queues)
        {
            var growing = queues.Queues.Where(queue => queue.Growing).Select(queue => queue.Name).ToList();
            checks.Add(new("queues not growing",
                queues.Samples > 0 && growing.Count == 0,
                queues.Samples == 0
                    ? $"no queue depth could be read ({queues.LastFailure ?? "no answer"})"
                    : growing.Count == 0
                        ? Invariant($"{queues.Queues.Count} queue(s): none had more ready messages at the end than {queues.ReferenceSeconds:0} s in")
                        : $"more ready messages at the end than {queues.ReferenceSeconds.ToString("0", CultureInfo.InvariantCulture)} s in: {string.Join(", ", growing)}"));
        }
        return checks;
    }

    private static bool InWindow(EventRunFacts facts, DateTimeOffset at) => at >= facts.WindowStart && at < facts.WindowEnd;

    private static double PerSecond(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
