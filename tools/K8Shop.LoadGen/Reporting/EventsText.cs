namespace K8Shop.LoadGen.Reporting;

/// <summary>The event watcher's section of the text report: rates by routing key, delays, completeness, queue depths, checks.</summary>
public static class EventsText
{
    public static void Write(TextWriter text, EventsReport events)
    {
        text.WriteLine($"Events: this run's shoppers' events on exchange '{events.Exchange}', read by the load generator's own queue (bound with #)");
        text.WriteLine($"  received       {events.Received,10}              ({events.Distinct} distinct message ids, {events.Duplicates} duplicate(s); {events.Foreign} other event(s) ignored, {events.Unreadable} unreadable)");
        text.WriteLine($"  produced       {events.ProducedPerSecond,10:0.0}/s            (occurred_at in the {events.WindowSeconds:0.00} s window)");
        text.WriteLine($"  received       {events.ReceivedPerSecond,10:0.0}/s            (arrived in the window)");
        text.WriteLine($"  expected       {events.ExpectedPerSecond,10:0.0}/s            (3 per confirmed checkout/s)");
        text.WriteLine($"  {"routing key",-28} {"events",9} {"produced/s",11} {"received/s",11}");
        foreach (var key in events.RoutingKeys)
            text.WriteLine($"  {key.RoutingKey,-28} {key.Received,9} {key.ProducedPerSecond,11:0.0} {key.ReceivedPerSecond,11:0.0}");
        if (events.Delay is { } delay)
        {
            text.WriteLine($"  delay in ms from occurred_at to receipt, {delay.Count} event(s) produced in the window:");
            text.WriteLine($"    p50 {delay.P50Ms:0.0}  p90 {delay.P90Ms:0.0}  p99 {delay.P99Ms:0.0}  max {delay.MaxMs:0.0}");
        }
        var orders = events.PerCheckout;
        text.WriteLine($"  per confirmed checkout: {orders.EventsPerConfirmedOrder:0.00} events ({orders.ReceivedEvents} for {orders.OrdersWithConfirmedEvent} order(s) with order_confirmed; {orders.ConfirmedAnswers} answered confirmed, expected {orders.ExpectedEvents})");
        foreach (var example in orders.Examples)
            text.WriteLine($"    e.g. {example}");
        if (events.Queues is { } queues)
            Queues(text, queues);
        foreach (var check in events.Checks)
            text.WriteLine($"  {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}");
        text.WriteLine();
    }

    private static void Queues(TextWriter text, QueueDepthReport queues)
    {
        text.WriteLine($"  queue depths: {queues.Samples} sample(s) every {queues.SampleSeconds:0} s during the load ({queues.FailedSamples} failed); ready = waiting for a consumer, all = ready + unacked");
        text.WriteLine($"  {"queue",-40} {"max ready",10} {"max all",9} {"last ready",11} {"last all",9} {$"ready@{queues.ReferenceSeconds:0}s",9} {"ready/s",8}  trend");
        foreach (var queue in queues.Queues)
            text.WriteLine($"  {queue.Name,-40} {queue.MaxReady,10} {queue.MaxMessages,9} {queue.LastReady,11} {queue.LastMessages,9} {queue.ReadyAtReference?.ToString() ?? "-",9} {queue.ReadyGrowthPerSecond,8:0.0}  {(queue.Growing ? "GROWING" : "steady")}");
        if (queues.Queues.Count == 0)
            text.WriteLine("  (no queue matched --events-queues)");
    }
}
