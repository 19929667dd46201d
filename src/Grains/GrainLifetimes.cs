namespace K8Shop.Grains;

/// <summary>
/// How long an idle activation stays in memory, for grains whose work is over within seconds (Orleans keeps every
/// activation 15 minutes by default). An order, its payment and its apply run for the saga's few seconds and are then
/// read rarely; a shopper's order list and notifications are written by the order's events and read when the shopper
/// looks. Their states are stored, so a later call reactivates them with one read. At 100 checkouts a second the
/// default kept hundreds of thousands of such activations, which cost memory and made every pass over the silo's
/// activations (collection, the runtime's gauges that the dashboard samples each second) slower.
/// </summary>
internal static class GrainLifetimes
{
    /// <summary>Minutes an activation of a per-order or event-fed grain stays after its last call.</summary>
    public const double ShortLivedIdleMinutes = 2;
}
