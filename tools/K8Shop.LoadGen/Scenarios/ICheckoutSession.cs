using K8Shop.LoadGen.Ledger;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Scenarios;

/// <summary>The cart and order calls a checkout makes; each is timed, counted and entered in the run's checkout ledger.</summary>
public interface ICheckoutSession
{
    /// <summary>
    /// The checkout's shopper and a fresh Idempotency-Key for their order: a user id never seen before (--auth open),
    /// or a pre-created account lent to this checkout alone with its token; null when no account came free in time.
    /// </summary>
    Task<Shopper?> NewShopperAsync();

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

/// <summary>One checkout's identity; <paramref name="Tokens"/> is the account's, null under --auth open.</summary>
public sealed record Shopper(string UserId, string IdempotencyKey, IAccessTokenSource? Tokens = null);

/// <summary>The order a checkout's POST /orders answered with.</summary>
public sealed record PlacedOrder(string OrderId, string Status);
