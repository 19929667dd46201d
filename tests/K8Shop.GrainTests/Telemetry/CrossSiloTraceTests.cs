using System.Collections.Concurrent;
using System.Diagnostics;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.GrainTests.Orders;
using Orleans.Runtime.Placement;
using Xunit.Abstractions;

namespace K8Shop.GrainTests.Telemetry;

/// <summary>
/// A checkout whose order grain runs on one silo and whose payment grain runs on the other is still one trace: the
/// trace context crosses the silo boundary with the grain call (Orleans' activity propagation), so the payment's
/// span hangs under the order's, which hangs under the caller's.
/// </summary>
[Collection(TracedClusterCollection.Name)]
public sealed class CrossSiloTraceTests(TracedClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly ActivitySource TestSource = new("K8Shop.GrainTests.CrossSilo");

    private IGrainFactory Grains => cluster.Grains;

    private static bool GrainCall(Activity a, string grain, string method) =>
        a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && a.Kind == ActivityKind.Server
        && a.DisplayName.Contains(grain, StringComparison.Ordinal) && a.DisplayName.Contains(method, StringComparison.Ordinal);

    [Fact]
    public async Task Order_and_payment_grains_on_different_silos_put_their_spans_in_the_callers_trace_with_the_payment_under_the_order()
    {
        Assert.Equal(2, cluster.Silos.Count);
        var (siloA, siloB) = (cluster.Silos[0], cluster.Silos[1]);
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var order = Grains.GetGrain<IOrderGrain>(orderId);
        var payment = Grains.GetGrain<IPaymentGrain>(orderId);

        // Before the trace starts: the order grain activated on silo A, its payment grain on silo B (placement hints).
        await ActivateOnAsync(siloA, () => order.GetAsync());
        await ActivateOnAsync(siloB, () => payment.GetAsync());
        var management = Grains.GetGrain<IManagementGrain>(0);
        Assert.Equal(siloA, await management.GetActivationAddress(order));
        Assert.Equal(siloB, await management.GetActivationAddress(payment));

        var spans = new ConcurrentDictionary<ActivitySpanId, Activity>();
        ActivityTraceId traceId = default;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == TestSource || s.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) || s.Name.StartsWith("K8Shop.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == traceId)
                    spans[a.SpanId] = a;
            },
        };
        ActivitySource.AddActivityListener(listener);

        OrderView placed;
        Activity root;
        using (root = TestSource.StartActivity("checkout", ActivityKind.Client)!)
        {
            traceId = root.TraceId;
            placed = await order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)));
        }

        Assert.Equal(OrderStatus.Confirmed, placed.Status);
        // The grains stayed where they were put: the checkout really crossed from silo A to silo B.
        Assert.Equal(siloA, await management.GetActivationAddress(order));
        Assert.Equal(siloB, await management.GetActivationAddress(payment));

        // Spans of work the checkout set off (e.g. the outbox) may stop a moment after the answer.
        var deadline = Stopwatch.StartNew();
        while (!Complete(spans, root) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);

        var trace = spans.Values.ToList();
        var described = string.Join("\n", trace.Select(a => $"  {a.Source.Name} {a.Kind} '{a.DisplayName}' span {a.SpanId} parent {a.ParentSpanId} silo {a.GetTagItem(SiloTaggingFilter.Tag)}"));
        output.WriteLine($"silo A {siloA}, silo B {siloB}; spans of trace {traceId}:\n{described}");
        var orderSpan = Assert.Single(trace, a => GrainCall(a, nameof(IOrderGrain), nameof(IOrderGrain.PlaceAsync)));
        var paymentSpan = Assert.Single(trace, a => GrainCall(a, nameof(IPaymentGrain), nameof(IPaymentGrain.ChargeAsync)));

        // Each span ran where its grain lives, as the silo it ran on marked it.
        Assert.Equal(siloA.ToString(), orderSpan.GetTagItem(SiloTaggingFilter.Tag));
        Assert.Equal(siloB.ToString(), paymentSpan.GetTagItem(SiloTaggingFilter.Tag));
        // The links: root -> the client's call to the order grain -> the order grain's span (silo A) -> its outgoing call
        // to the payment grain -> the payment grain's span (silo B).
        Assert.True(DescendsFrom(orderSpan, root.SpanId, spans), $"the order span is not under the root:\n{described}");
        Assert.True(spans.TryGetValue(paymentSpan.ParentSpanId, out var chargeCall), $"the payment span's parent is not in the trace:\n{described}");
        Assert.Equal((ActivityKind.Client, orderSpan.SpanId), (chargeCall.Kind, chargeCall.ParentSpanId));
        Assert.Contains($"{nameof(IPaymentGrain)}/{nameof(IPaymentGrain.ChargeAsync)}", chargeCall.DisplayName, StringComparison.Ordinal);
        // No span of the checkout started a trace of its own or hangs from a span outside it.
        Assert.Equal(default, root.ParentSpanId);
        Assert.All(trace, a => Assert.True(a == root || spans.ContainsKey(a.ParentSpanId),
            $"'{a.DisplayName}' has parent {a.ParentSpanId}, not a span of the trace:\n{described}"));
    }

    private static async Task ActivateOnAsync<T>(SiloAddress silo, Func<Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            await call();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private static bool Complete(ConcurrentDictionary<ActivitySpanId, Activity> spans, Activity root) =>
        spans.Values.Any(a => GrainCall(a, nameof(IOrderGrain), nameof(IOrderGrain.PlaceAsync)))
        && spans.Values.Any(a => GrainCall(a, nameof(IPaymentGrain), nameof(IPaymentGrain.ChargeAsync)))
        && spans.Values.All(a => a == root || spans.ContainsKey(a.ParentSpanId));

    private static bool DescendsFrom(Activity span, ActivitySpanId ancestor, ConcurrentDictionary<ActivitySpanId, Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = spans.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor)
                return true;
        }
        return false;
    }
}
