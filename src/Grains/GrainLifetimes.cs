namespace K8Shop.Grains;

/// <summary>
/// How long an idle activation stays in memory, for grains whose work is over within seconds (Orleans keeps every
/// activation 15 minutes by default). An order, its payment and its apply run for the saga's few seconds and are then
/// read rarely; a shopper's order list and notifications are written by the order's events and read when the shopper
/// looks. Their states are stored, so a later call reactivates them with one read. At 100 checkouts a second the
/// default kept hundreds of thousands of such activations, which cost memory and made every pass over the silo's
/// activations (collection, the runtime's gauges that the dashboard samples each second) slower.
/// <para>
/// Where the work ends at a known point and nothing else is held in memory, the grain leaves at once
/// (<see cref="Grain.DeactivateOnIdle"/>): a cart an order emptied, a shopper's order list after an order is added,
/// notifications after a send, the sales subscriber after passing a sale on. Kept for minutes, each of them outlived
/// a few garbage collections and was copied into the oldest generation; gone within the checkout, they die young. The
/// order and the payment keep the idle limit: an activation remembers that its last event went out (the emptied
/// outbox is stored only with the next write), and a new one would publish that event again.
/// </para>
/// </summary>
internal static class GrainLifetimes
{
    /// <summary>Minutes an activation of a per-order or event-fed grain stays after its last call.</summary>
    public const double ShortLivedIdleMinutes = 2;
}
