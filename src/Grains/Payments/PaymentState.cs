using K8Shop.Contracts.Payments;

namespace K8Shop.Grains.Payments;

/// <summary>An order's payment as stored; empty (<see cref="Exists"/> false) until the first charge or void.</summary>
[GenerateSerializer, Alias("k8shop.payments.PaymentState")]
public sealed class PaymentState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string UserId { get; set; } = "";
    [Id(2)] public decimal Amount { get; set; }
    [Id(3)] public PaymentStatus Status { get; set; }
    [Id(4)] public string? Reference { get; set; }
    [Id(5)] public string? Reason { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset? RefundedAt { get; set; }
    [Id(8)] public string? RefundReference { get; set; }

    /// <summary>The decision's event, stored with it and kept until the broker confirmed it.</summary>
    [Id(9)] public System.Collections.Immutable.ImmutableArray<K8Shop.Contracts.Events.IntegrationEvent> Outbox { get; set; } = [];
}

/// <summary>What one idempotency key of <c>POST /payments</c> answered.</summary>
[GenerateSerializer, Alias("k8shop.payments.PaymentRequestState")]
public sealed class PaymentRequestState
{
    [Id(0)] public string? RequestHash { get; set; }
    [Id(1)] public PaymentView? Reply { get; set; }
}
