using System.Collections.Concurrent;
using System.Diagnostics;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.GrainTests.Orders;
using K8Shop.ServiceDefaults.Telemetry;
using Orleans.Runtime.Placement;
using Xunit.Abstractions;

namespace K8Shop.GrainTests.Telemetry;

/// <summary>
/// A checkout whose order grain runs on one silo and whose payment grain runs on the other is still one trace: the
/// trace context crosses the silo boundary with the grain call (<see cref="GrainCallTracing"/>), so the payment's
/// span hangs under the order's, which hangs under the caller's.
/// </summary>
[Collection(TracedClusterCollection.Name)]
public sealed class CrossSiloTraceTests(TracedClusterFixture cluster, ITestOutputHelper output)
{
    // Created with the class, not on first use: a source first touched inside a listener's ShouldListenTo (while the
    // listener is being added) never gets that listener.
    private static readonly ActivitySource TestSource;

    static CrossSiloTraceTests() => TestSource = new("K8Shop.GrainTests.CrossSilo");

    private IGrainFactory Grains => cluster.Grains;

    private static bool GrainCall(Activity a, string grain, string method) =>
        a.Source.Name == GrainCallTracing.SourceName && a.Kind == ActivityKind.Server
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
        // The links: root -> the order grain's span (silo A) -> the payment grain's span (silo B), one span per call.
        Assert.Equal(root.SpanId, orderSpan.ParentSpanId);
        Assert.Equal(orderSpan.SpanId, paymentSpan.ParentSpanId);
        Assert.DoesNotContain(trace, a => a.Source.Name == GrainCallTracing.SourceName && a.Kind != ActivityKind.Server);
        // No span of the checkout started a trace of its own or hangs from a span outside it.
        Assert.Equal(default, root.ParentSpanId);
        Assert.All(trace, a => Assert.True(a == root || spans.ContainsKey(a.ParentSpanId),
            $"'{a.DisplayName}' has parent {a.ParentSpanId}, not a span of the trace:\n{described}"));
    }

    [Fact]
    public async Task A_checkout_in_an_unsampled_trace_costs_the_grains_on_both_silos_no_span_and_starts_no_trace()
    {
        var (siloA, siloB) = (cluster.Silos[0], cluster.Silos[1]);
        var sku = await Checkout.BookAsync(Grains, 10);
        var orderId = Checkout.NewOrderId();
        var order = Grains.GetGrain<IOrderGrain>(orderId);
        await ActivateOnAsync(siloA, () => order.GetAsync());
        await ActivateOnAsync(siloB, () => Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());

        const string Unsampled = "unsampled checkout";
        var calls = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == TestSource || s.Name == GrainCallTracing.SourceName,
            // As the OpenTelemetry SDK with the shipped parent-based sampler decides: the request's root is not sampled;
            // a span follows its parent's decision, and under an unsampled parent in the same process it is not created
            // at all; any other root is recorded, so a grain call that lost the context shows up as a recorded root.
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.Parent.TraceId == default
                    ? o.Name == Unsampled ? ActivitySamplingResult.PropagationData : ActivitySamplingResult.AllDataAndRecorded
                    : o.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? ActivitySamplingResult.AllDataAndRecorded
                    : o.Parent.IsRemote ? ActivitySamplingResult.PropagationData : ActivitySamplingResult.None,
            ActivityStopped = a =>
            {
                if (GrainCall(a, nameof(IOrderGrain), nameof(IOrderGrain.PlaceAsync)) || GrainCall(a, nameof(IPaymentGrain), nameof(IPaymentGrain.ChargeAsync)))
                    calls.Add(a);
            },
        };
        ActivitySource.AddActivityListener(listener);

        OrderView placed;
        using (var root = TestSource.StartActivity(Unsampled, ActivityKind.Client)!)
        {
            Assert.False(root.Recorded);
            placed = await order.PlaceAsync(Checkout.Command(Checkout.NewUser(), null, (sku, 1)));
        }

        Assert.Equal(OrderStatus.Confirmed, placed.Status);
        var described = string.Join("\n", calls.Select(a => $"  '{a.DisplayName}' trace {a.TraceId} parent {a.ParentSpanId} recorded {a.Recorded}"));
        output.WriteLine(described);
        // Neither call started a trace of its own (this listener would record any root), and neither made a span at
        // all: an unsampled request reaches the grains with no context for them to carry.
        Assert.Empty(calls);
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
}
