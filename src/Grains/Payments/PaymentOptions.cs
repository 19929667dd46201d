namespace K8Shop.Grains.Payments;

/// <summary>
/// How the payment decider answers; bound from section <c>Payments</c>. The decision is a pure function of these
/// settings and the order, so tests and replays see the same outcome.
/// </summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payments";

    /// <summary>Largest amount charged; above it the charge is declined (<c>amount_over_limit</c>).</summary>
    public decimal MaxAmount { get; set; } = 10_000m;

    /// <summary>Payment tokens that always decline (<c>card_declined</c>), as a card processor's test cards do.</summary>
    public List<string> DecliningTokens { get; set; } = ["tok_decline", "tok_chargeDeclined", "4000000000000002"];

    /// <summary>
    /// Percentage (0 to 100) of orders declined at random, as the original's <c>PAYMENT_FAIL_PROB</c> (whose default
    /// was 20; ours is 0). The draw hashes <see cref="Seed"/> with the order id: the same order always gets the same answer.
    /// </summary>
    public int FailProbability { get; set; }

    public int Seed { get; set; }

    /// <summary>Simulated processor latency per charge; none unless configured (the original slept 500 ms).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public void Validate()
    {
        if (FailProbability is < 0 or > 100)
            throw new InvalidOperationException($"Payments:FailProbability (or PAYMENT_FAIL_PROB) is {FailProbability}; use 0 to 100.");
        if (MaxAmount <= 0 || MaxAmount > K8Shop.Contracts.Rules.ShopLimits.Payments.MaxAmount)
            throw new InvalidOperationException(
                $"Payments:MaxAmount is {MaxAmount}; it must be above 0 and at most {K8Shop.Contracts.Rules.ShopLimits.Payments.MaxAmount}, the largest charge a request may name.");
        if (Latency < TimeSpan.Zero)
            throw new InvalidOperationException("Payments:Latency must not be negative.");
    }
}
