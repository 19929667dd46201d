namespace K8Shop.FaultDrill;

/// <summary>What one client saw of one checkout: every attempt's failure, and the acknowledged answer if one came.</summary>
public sealed class CheckoutRecord(CheckoutPlan plan)
{
    private readonly List<(DateTimeOffset At, string Reason)> _failures = [];

    public CheckoutPlan Plan { get; } = plan;

    public DateTimeOffset Started { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The 2xx answer's order id, status and total.</summary>
    public AcknowledgedOrder? Acknowledged { get; set; }

    /// <summary>A 4xx that retrying cannot change (the drill's requests are valid, so any is a finding).</summary>
    public string? Refused { get; set; }

    public IReadOnlyList<(DateTimeOffset At, string Reason)> Failures
    {
        get { lock (_failures) return [.. _failures]; }
    }

    public void AddFailure(DateTimeOffset at, string reason)
    {
        lock (_failures) _failures.Add((at, reason));
    }

    public TimeSpan? Latency => AcknowledgedAt - Started;
}

public sealed record AcknowledgedOrder(string OrderId, string Status, decimal Total);
