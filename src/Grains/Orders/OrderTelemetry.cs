using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace K8Shop.Grains.Orders;

/// <summary>
/// Meter and activity source <c>K8Shop.Orders</c>: checkouts by outcome and how long they took, sagas a reminder
/// resumed. Instruments cost a flag check when nothing listens.
/// </summary>
public static class OrderTelemetry
{
    public const string Name = "K8Shop.Orders";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Checkouts = Meter.CreateCounter<long>(
        "k8shop.checkouts", "{checkout}", "Checkouts answered, by outcome: confirmed, rejected (out of stock), payment_failed, invalid, error");

    private static readonly Histogram<double> CheckoutDuration = Meter.CreateHistogram(
        "k8shop.checkout.duration", "s", "Time from the order request reaching the order grain to its answer, by outcome", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30] });

    private static readonly Counter<long> SagaResumed = Meter.CreateCounter<long>(
        "k8shop.saga.resumed", "{saga}", "Checkout sagas resumed by their reminder after an interruption, by the step they resumed at");

    public static class Outcomes
    {
        public const string Confirmed = "confirmed";
        public const string Rejected = "rejected";
        public const string PaymentFailed = "payment_failed";
        public const string Invalid = "invalid";
        public const string Error = "error";
    }

    /// <summary>One checkout answered, <paramref name="elapsed"/> after it arrived.</summary>
    public static void Checkout(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        Checkouts.Add(1, tag);
        if (CheckoutDuration.Enabled)
            CheckoutDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>Zero for each outcome, so rates and alerts see a series before the first one happens.</summary>
    public static void Initialize()
    {
        foreach (var outcome in new[] { Outcomes.Confirmed, Outcomes.Rejected, Outcomes.PaymentFailed, Outcomes.Invalid, Outcomes.Error })
            Checkouts.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public static void Resumed(string step) => SagaResumed.Add(1, new KeyValuePair<string, object?>("step", step));
}
