using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>The cart and order calls a checkout makes; each is timed, counted and entered in the run's checkout ledger.</summary>
public interface ICheckoutSession
{
    /// <summary>A shopper never seen before: a fresh user id and a fresh Idempotency-Key for their order.</summary>
    Shopper NewShopper();

    /// <summary>Adds a line to the shopper's cart; false only when the server surely did not add it.</summary>
    Task<bool> AddToCartAsync(Shopper shopper, CartLine line);

    /// <summary>
    /// Orders the shopper's cart under their key, retrying a retryable failure with the same key and body; the
    /// order once it answered, else null.
    /// </summary>
    Task<PlacedOrder?> PlaceOrderAsync(Shopper shopper, IReadOnlyList<CartLine> cart, string? paymentToken);

    /// <summary>Sends the answered order again, same key and body: it must come back as the same order.</summary>
    Task RepeatOrderAsync(Shopper shopper, PlacedOrder first, string? paymentToken);
}

/// <summary>One checkout's identity.</summary>
public sealed record Shopper(string UserId, string IdempotencyKey);

/// <summary>The order a checkout's POST /orders answered with.</summary>
public sealed record PlacedOrder(string OrderId, string Status);
