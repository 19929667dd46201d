using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Orders;

/// <summary>An order request broke a rule (empty, unknown SKU, bad quantity); nothing was stored or reserved.</summary>
[GenerateSerializer, Alias("k8shop.orders.OrderRuleException")]
public sealed class OrderRuleException : FieldRuleException
{
    public OrderRuleException() : this("request", "is invalid") { }

    public OrderRuleException(string field, string reason) : base(field, reason) { }

    public OrderRuleException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The order cannot do that in its current state (cancel a shipped order, ship a rejected one).</summary>
[GenerateSerializer, Alias("k8shop.orders.OrderStateException")]
public sealed class OrderStateException : Exception
{
    public OrderStateException() : this("order", OrderStatus.Pending, "change") { }

    public OrderStateException(string orderId, OrderStatus status, string action)
        : base($"order {orderId} is {status.Wire()}; it cannot {action}")
    {
        OrderId = orderId;
        Status = status;
    }

    public OrderStateException(string message, Exception inner) : base(message, inner) => OrderId = "?";

    [Id(0)]
    public string OrderId { get; init; }

    [Id(1)]
    public OrderStatus Status { get; init; }
}

/// <summary>No order exists under the id.</summary>
[GenerateSerializer, Alias("k8shop.orders.OrderNotFoundException")]
public sealed class OrderNotFoundException : Exception
{
    public OrderNotFoundException() : this("?") { }

    public OrderNotFoundException(string orderId) : base($"order {orderId} does not exist") => OrderId = orderId;

    public OrderNotFoundException(string message, Exception inner) : base(message, inner) => OrderId = "?";

    [Id(0)]
    public string OrderId { get; init; }
}

/// <summary>An idempotency key (or order id) was reused for a different request; the first one stands.</summary>
[GenerateSerializer, Alias("k8shop.orders.IdempotencyConflictException")]
public sealed class IdempotencyConflictException : Exception
{
    public IdempotencyConflictException() : this("the idempotency key was already used for a different request") { }

    public IdempotencyConflictException(string message) : base(message) { }

    public IdempotencyConflictException(string message, Exception inner) : base(message, inner) { }
}
