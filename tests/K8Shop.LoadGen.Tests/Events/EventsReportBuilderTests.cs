using K8Shop.LoadGen.Events;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Reporting;

namespace K8Shop.LoadGen.Tests.Events;

public sealed class EventsReportBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddSeconds(10);

    [Fact]
    public void ConfirmedCheckoutsWithTheirThreeEvents_PassEveryCheck_WithRatesByOccurredAtAndByReceipt()
    {
        var events = Enumerable.Range(0, 10).SelectMany(i => Checkout($"o-{i}", Start.AddSeconds(i + 0.5), TimeSpan.FromMilliseconds(20 + i))).ToList();

        var report = EventsReportBuilder.Build(Facts(events, confirmed: 10, confirmedPerSecond: 1));

        Assert.True(report.Passed, string.Join("; ", report.Checks.Select(check => check.Detail)));
        Assert.Equal((30L, 30L, 0L), (report.Received, report.Distinct, report.Duplicates));
        Assert.Equal((3.0, 3.0, 3.0), (report.ProducedPerSecond, report.ReceivedPerSecond, report.ExpectedPerSecond));
        Assert.Equal(["orders.order_confirmed", "orders.order_created", "orders.payment_succeeded"], report.RoutingKeys.Select(key => key.RoutingKey));
        Assert.All(report.RoutingKeys, key => Assert.Equal(1.0, key.ReceivedPerSecond));
        Assert.Equal(3.0, report.PerCheckout.EventsPerConfirmedOrder);
        Assert.Equal((30L, 30L), (report.PerCheckout.ExpectedEvents, report.PerCheckout.ReceivedEvents));
    }

    [Fact]
    public void DelayPercentiles_ReuseNearestRank_OverDistinctEventsProducedInTheWindow()
    {
        var events = Enumerable.Range(1, 100)
            .Select(i => Event("orders.order_created", $"o-{i}", Start.AddMilliseconds(50 * i), TimeSpan.FromMilliseconds(i)))
            .Append(Event("orders.order_created", "before", Start.AddSeconds(-1), TimeSpan.FromSeconds(9)))
            .ToList();

        var delay = EventsReportBuilder.Build(Facts(events, confirmed: 0, confirmedPerSecond: 0)).Delay!;

        Assert.Equal((100L, 50.0, 90.0, 99.0, 100.0), (delay.Count, delay.P50Ms, delay.P90Ms, delay.P99Ms, delay.MaxMs));
    }

    [Fact]
    public void ARedeliveredEvent_IsOneDuplicate_TimedFromItsFirstReceipt()
    {
        var first = Event("orders.order_created", "o-1", Start.AddSeconds(1), TimeSpan.FromMilliseconds(10));
        var again = first with { ReceivedAt = first.ReceivedAt.AddSeconds(5) };

        var report = EventsReportBuilder.Build(Facts([first, again], confirmed: 0, confirmedPerSecond: 0));

        Assert.Equal((2L, 1L, 1L), (report.Received, report.Distinct, report.Duplicates));
        Assert.Equal(10.0, report.Delay!.MaxMs);
    }

    [Fact]
    public void ADelayAtTheGoal_FailsTheP99Check()
    {
        var events = Checkout("o-1", Start.AddSeconds(1), TimeSpan.FromSeconds(1)).ToList();

        var report = EventsReportBuilder.Build(Facts(events, confirmed: 1, confirmedPerSecond: 0.1));

        Assert.False(report.Checks.Single(check => check.Name == "delay p99").Passed);
    }

    [Fact]
    public void PublishingThatFallsBehind_FailsKeepUp()
    {
        // Produced every 0.1 s, each waiting longer than the last: half arrive after the window.
        var events = Enumerable.Range(0, 100)
            .Select(i => Event("orders.order_created", $"o-{i}", Start.AddMilliseconds(100 * i), TimeSpan.FromMilliseconds(100 * i)))
            .ToList();

        var report = EventsReportBuilder.Build(Facts(events, confirmed: 0, confirmedPerSecond: 0));

        Assert.Equal(10.0, report.ProducedPerSecond);
        Assert.Equal(5.0, report.ReceivedPerSecond);
        Assert.False(report.Checks.Single(check => check.Name == "events keep up").Passed);
    }

    [Fact]
    public void AConfirmedOrderMissingItsPayment_OrAConfirmationNeverSeen_FailsTheCheckoutCheck()
    {
        var events = Checkout("o-1", Start.AddSeconds(1), TimeSpan.FromMilliseconds(5))
            .Where(observed => observed.RoutingKey != EventsReportBuilder.PaymentSucceeded)
            .Concat(Checkout("o-2", Start.AddSeconds(2), TimeSpan.FromMilliseconds(5)))
            .ToList();

        var perCheckout = EventsReportBuilder.Build(Facts(events, confirmed: 3, confirmedPerSecond: 0.3)).PerCheckout;

        Assert.Equal((3L, 2L, 1L, 9L, 5L), (perCheckout.ConfirmedAnswers, perCheckout.OrdersWithConfirmedEvent, perCheckout.CompleteOrders, perCheckout.ExpectedEvents, perCheckout.ReceivedEvents));
        Assert.Equal("order o-1: only orders.order_confirmed, orders.order_created", Assert.Single(perCheckout.Examples));
        Assert.False(EventsReportBuilder.Build(Facts(events, confirmed: 2, confirmedPerSecond: 0.2)).Checks.Single(check => check.Name == "events per confirmed checkout").Passed);
    }

    [Fact]
    public void AGrowingQueue_OrNoQueueSample_FailsTheQueueCheck_AndNoManagementMeansNoQueueCheck()
    {
        var events = Checkout("o-1", Start.AddSeconds(1), TimeSpan.FromMilliseconds(5)).ToList();
        QueueTrend Trend(bool growing) => new("notification-service", 10, 26, growing ? 10 : 0, growing ? 26 : 16, 0, growing ? 0.25 : 0, growing, []);

        var growing = Queues(events, new QueueDepthReport(5, 12, 0, 20, [Trend(growing: true)], null));
        var steady = Queues(events, new QueueDepthReport(5, 12, 0, 20, [Trend(growing: false)], null));
        var unread = Queues(events, new QueueDepthReport(5, 0, 12, 20, [], "401 Unauthorized"));

        Assert.False(growing!.Passed);
        Assert.Contains("notification-service", growing.Detail);
        Assert.True(steady!.Passed);
        Assert.False(unread!.Passed);
        Assert.Contains("401", unread.Detail);
        Assert.Null(Queues(events, null));
    }

    private static InvariantCheck? Queues(List<ObservedEvent> events, QueueDepthReport? queues) =>
        EventsReportBuilder.Build(Facts(events, confirmed: 1, confirmedPerSecond: 0.1) with { Queues = queues }).Checks
            .SingleOrDefault(check => check.Name == "queues not growing");

    private static EventRunFacts Facts(IReadOnlyList<ObservedEvent> events, long confirmed, double confirmedPerSecond) =>
        new("orders", Start, End, confirmed, confirmedPerSecond, events, 0, 0, null, TimeSpan.FromSeconds(1));

    private static IEnumerable<ObservedEvent> Checkout(string order, DateTimeOffset at, TimeSpan delay) =>
    [
        Event(EventsReportBuilder.OrderCreated, order, at, delay),
        Event(EventsReportBuilder.PaymentSucceeded, order, at.AddMilliseconds(1), delay),
        Event(EventsReportBuilder.OrderConfirmed, order, at.AddMilliseconds(2), delay),
    ];

    private static ObservedEvent Event(string key, string order, DateTimeOffset occurredAt, TimeSpan delay) =>
        new(key, $"{key}|{order}", order, "lg-ab-" + order, occurredAt, occurredAt + delay);
}
