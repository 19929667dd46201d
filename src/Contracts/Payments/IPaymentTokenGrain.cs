namespace K8Shop.Contracts.Payments;

/// <summary>
/// The test processor's card vault (stateless): turns card details into an opaque payment token, as a processor's
/// browser SDK does, so a card number never reaches an order or its storage. A test card configured to decline gets
/// a token that declines; every other card gets a fresh token that the payment decider accepts.
/// </summary>
public interface IPaymentTokenGrain : IGrainWithIntegerKey
{
    Task<PaymentToken> TokenizeAsync(CardDetails card);
}

/// <summary>Card details already checked at the edge (digits only, expiry in the future).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.payments.CardDetails")]
public sealed record CardDetails(
    [property: Id(0)] string Number,
    [property: Id(1)] int ExpMonth,
    [property: Id(2)] int ExpYear);

[GenerateSerializer, Immutable, Alias("k8shop.payments.PaymentToken")]
public sealed record PaymentToken(
    [property: Id(0)] string Token,
    [property: Id(1)] string Brand,
    [property: Id(2)] string Last4);
