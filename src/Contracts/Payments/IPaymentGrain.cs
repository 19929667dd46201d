namespace K8Shop.Contracts.Payments;

/// <summary>
/// The payment of one order (key: the order id): at most one charge whatever the retries, decided
/// deterministically, stored before it answers; refunded at most once.
/// </summary>
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Charges the order, or answers the decision already taken for it; another amount or user is refused. The order's
    /// saga step: clients pay through <see cref="Orders.IOrderGrain.PayAsync"/>, which checks that the order exists,
    /// is the caller's and is due a charge.
    /// </summary>
    Task<PaymentView> ChargeAsync(ChargeRequest request);

    [Orleans.Concurrency.ReadOnly]
    Task<PaymentView?> GetAsync();

    /// <summary>
    /// Refunds a standalone charge (one no order stands behind) in full, once; a repeat answers the same refund. An
    /// order's charge is refused here: <see cref="Orders.IOrderGrain.RefundAsync"/> refunds it and cancels or returns
    /// the order with it.
    /// </summary>
    Task<PaymentView> RefundAsync();

    /// <summary>
    /// The order saga's refund step, for a cancelled order or an approved return: refunds a succeeded charge, or, when nothing was charged yet, makes sure nothing ever
    /// will be. Returns null when no payment existed.
    /// </summary>
    Task<PaymentView?> CancelAsync();

    /// <summary>
    /// Publishes the decision's event if it is still waiting (a charge answers before its event is out); throws while
    /// the broker refuses it. Callers that must know the event left, such as an order before it forgets its
    /// reminder, call this.
    /// </summary>
    Task PublishPendingAsync();
}

/// <summary>
/// One <c>Idempotency-Key</c> of <c>POST /payments</c>: the first request under the key runs, later ones with the same
/// body get its answer (waiting for it when it is still running), and one with another body is refused.
/// </summary>
public interface IPaymentRequestGrain : IGrainWithStringKey
{
    Task<PaymentView> ChargeAsync(string orderId, ChargeRequest request, string requestHash);
}

/// <summary>Payment ids: <c>pay_</c> and the order id, base64url, so either finds the payment without an index.</summary>
public static class PaymentIds
{
    public const string Prefix = "pay_";

    public static string For(string orderId) =>
        Prefix + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(orderId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The order id inside a payment id; null when it is not one.</summary>
    public static string? OrderIdOf(string paymentId)
    {
        if (!paymentId.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var body = paymentId[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        body = body.PadRight(body.Length + ((4 - body.Length % 4) % 4), '=');
        try
        {
            var orderId = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
            return For(orderId) == paymentId ? orderId : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
