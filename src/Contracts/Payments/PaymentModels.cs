namespace K8Shop.Contracts.Payments;

public enum PaymentStatus
{
    Succeeded = 0,
    Failed = 1,
    Refunded = 2,

    /// <summary>The order was cancelled before any charge; none will ever be made for it.</summary>
    Voided = 3,
}

/// <summary>A charge request for one order (its only one).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.payments.ChargeRequest")]
public sealed record ChargeRequest(
    [property: Id(0)] string UserId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string? PaymentToken);

/// <summary>An order's payment.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.payments.PaymentView")]
public sealed record PaymentView(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string UserId,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] PaymentStatus Status,
    [property: Id(5)] string? Reference,
    [property: Id(6)] string? Reason,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? RefundedAt,
    [property: Id(9)] string? RefundReference)
{
    /// <summary>The original's status value: <c>payment.succeeded</c>, <c>payment.failed</c>, and beyond it <c>payment.refunded</c>, <c>payment.voided</c>.</summary>
    public string WireStatus => Status switch
    {
        PaymentStatus.Succeeded => "payment.succeeded",
        PaymentStatus.Failed => "payment.failed",
        PaymentStatus.Refunded => "payment.refunded",
        _ => "payment.voided",
    };
}

/// <summary>The payment for this order was asked for again with another amount or user; the first charge stands.</summary>
[GenerateSerializer, Alias("k8shop.payments.PaymentConflictException")]
public sealed class PaymentConflictException : Exception
{
    public PaymentConflictException() : this("the order was already charged differently") { }

    public PaymentConflictException(string message) : base(message) { }

    public PaymentConflictException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>No payment exists for the id, or it cannot be refunded (never charged).</summary>
[GenerateSerializer, Alias("k8shop.payments.PaymentStateException")]
public sealed class PaymentStateException : Exception
{
    public PaymentStateException() : this("payment", false) { }

    public PaymentStateException(string message, bool notFound) : base(message) => NotFound = notFound;

    public PaymentStateException(string message, Exception inner) : base(message, inner) { }

    [Id(0)]
    public bool NotFound { get; init; }
}
