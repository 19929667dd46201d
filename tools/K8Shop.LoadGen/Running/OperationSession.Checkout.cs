using System.Diagnostics;
using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Scenarios;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// A checkout's requests: cart adds, then the order, retried with the same Idempotency-Key and body while the
/// failure is retryable. The whole checkout is timed from its due time to its order's answer.
/// </summary>
public sealed partial class OperationSession
{
    /// <summary>
    /// Under --auth open, user id and key are one fresh id: a new user per checkout, and its one order's key. Otherwise
    /// an account from the pool, with a fresh key; <see cref="FinishAsync"/> gives it back.
    /// </summary>
    public async Task<Shopper?> NewShopperAsync()
    {
        var key = _run.OrderIds.Next();
        if (_run.Shoppers is not { } pool)
            return new Shopper(key, key);
        if (await pool.LeaseAsync(_run.ShopperWait) is not { } account)
        {
            Record(CallFailure.Connection("no free shopper account"));
            return null;
        }
        _lease = account;
        return new Shopper(account.UserId, key, account.Tokens);
    }

    /// <summary>
    /// Gives the lent account back with an empty cart: a confirmed order emptied it; a refused one, or adds without an
    /// order, left lines to clear first. An order in doubt keeps its cart for reconciliation, so its account retires.
    /// </summary>
    public async Task FinishAsync()
    {
        if (_lease is not { } account || _run.Shoppers is not { } pool)
            return;
        _lease = null;
        if (_leftover == Leftover.OrderInDoubt)
        {
            pool.Retire(account);
            return;
        }
        if (_leftover == Leftover.CartLines && (await _run.Checkout.ClearCartAsync(account.Tokens, account.UserId)).Failure is not null)
        {
            pool.Retire(account);
            return;
        }
        pool.Return(account);
    }

    public async Task<bool> AddToCartAsync(Shopper shopper, CartLine line)
    {
        var sentAt = NextSendTime();
        _leftover = Leftover.CartLines;
        var result = await _run.Checkout.AddToCartAsync(shopper.Tokens, shopper.UserId, line.Sku, line.Quantity);
        _stats.Request(RequestKind.CartAdd, sentAt, Stopwatch.GetTimestamp());

        var failure = result.Failure ?? (result.Reply!.UserId == shopper.UserId ? null : CallFailure.Invalid("cart reply is another user's"));
        if (failure is null)
            return true;
        Record(failure);
        return failure.MayHaveApplied;
    }

    public async Task<PlacedOrder?> PlaceOrderAsync(Shopper shopper, IReadOnlyList<CartLine> cart, string? paymentToken)
    {
        var entry = new CheckoutEntry(shopper.UserId, shopper.IdempotencyKey, paymentToken, cart, shopper.Tokens);
        var mayExist = false;
        for (var attempt = 0; ; attempt++)
        {
            var sentAt = NextSendTime();
            var result = await _run.Checkout.PlaceOrderAsync(shopper.Tokens, shopper.UserId, paymentToken, shopper.IdempotencyKey);
            var answeredAt = Stopwatch.GetTimestamp();
            _stats.Request(RequestKind.Order, sentAt, answeredAt);

            var failure = result.Failure ?? (ReplyChecks.IsOrderReply(result.Reply!, shopper.UserId) ? null : CallFailure.Invalid("order reply does not answer the request"));
            if (failure is null)
            {
                var reply = result.Reply!;
                _stats.CheckoutAnswered(_dueAt, answeredAt);
                _stats.Add(OutcomeOf(reply.Status));
                entry.Answered(reply);
                _run.CheckoutLedger.Answered(entry);
                _leftover = reply.Status == OrderStatus.Confirmed ? Leftover.None : entry.Settled ? Leftover.CartLines : Leftover.OrderInDoubt;
                return new PlacedOrder(reply.OrderId, reply.Status);
            }
            _stats.Failed(failure);
            mayExist |= failure.MayHaveApplied;
            if (attempt >= _run.OrderRetries || !OrderRetryPolicy.IsRetryable(failure))
            {
                GiveUp(entry, failure, mayExist);
                return null;
            }
            _stats.Add(Outcome.OrderRetried);
            await Task.Delay(OrderRetryPolicy.Backoff(failure, attempt));
        }
    }

    public async Task RepeatOrderAsync(Shopper shopper, PlacedOrder first, string? paymentToken)
    {
        var sentAt = NextSendTime();
        var result = await _run.Checkout.PlaceOrderAsync(shopper.Tokens, shopper.UserId, paymentToken, shopper.IdempotencyKey);
        _stats.Request(RequestKind.RepeatOrder, sentAt, Stopwatch.GetTimestamp());

        var failure = result.Failure ?? (ReplyChecks.IsOrderReply(result.Reply!, shopper.UserId) ? null : CallFailure.Invalid("order reply does not answer the request"));
        if (failure is not null)
        {
            Record(failure);
            return;
        }
        // A settled order's first answer is kept and replayed; one cut short may have moved on since.
        var reply = result.Reply!;
        if (reply.OrderId == first.OrderId && (!OrderStatus.IsSettled(first.Status) || reply.Status == first.Status))
            _stats.Add(Outcome.RepeatConfirmed);
        else
            _run.CheckoutLedger.RepeatMismatched();
    }

    private void GiveUp(CheckoutEntry entry, CallFailure last, bool mayExist)
    {
        _stats.Add(Outcome.OrderUnanswered);
        if (last.RetryAfter is { } wait && (RetryAfter is null || wait > RetryAfter))
            RetryAfter = wait;
        // An attempt that may have reached the server leaves the order in doubt, whatever the later ones said.
        if (mayExist)
        {
            _leftover = Leftover.OrderInDoubt;
            _run.CheckoutLedger.InDoubt(entry);
        }
        else
            _run.CheckoutLedger.NotPlaced(entry);
    }

    /// <summary>What a lent account's checkout left behind on the server.</summary>
    private enum Leftover
    {
        None,
        CartLines,
        OrderInDoubt,
    }

    private ShopperAccount? _lease;
    private Leftover _leftover;

    private static Outcome OutcomeOf(string status) => status switch
    {
        OrderStatus.Confirmed => Outcome.OrderConfirmed,
        OrderStatus.Rejected => Outcome.OrderRejected,
        OrderStatus.PaymentFailed => Outcome.OrderPaymentFailed,
        _ => Outcome.OrderUnsettled,
    };
}
