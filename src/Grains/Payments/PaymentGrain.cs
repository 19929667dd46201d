using K8Shop.Contracts.Events;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;
using K8Shop.Faults.Injection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace K8Shop.Grains.Payments;

/// <summary>
/// One order's payment. The grain handles one call at a time and stores the decision before answering, so a
/// retried charge, however it arrives, finds the first one: an order is charged at most once, refunded at most once.
/// The decision's event is stored with it (the outbox) and published by this grain before it answers, so it precedes
/// whatever the order publishes next; the order recorded the payment in the due-work index when it was placed, so a
/// broker outage or a crash before the event is out is seen to by the sweep, and the payment leaves the index once its
/// event is confirmed.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class PaymentGrain(
    [PersistentState("payment", PaymentStorage.Name)] IPersistentState<PaymentState> state,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    IFaultInjector faults,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain, IDueWork
{
    private readonly PaymentOptions _options = options.Value;

    /// <summary>The backend named when the payment provider cannot be reached (503, retry).</summary>
    public const string PaymentProvider = "payment-provider";

    private string OrderId => this.GetPrimaryKeyString();

    private PaymentState Payment => state.State;


    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An event a crash left unpublished goes out once the first call is over.
        if (!Payment.Outbox.IsEmpty)
            new AfterThisCall(this, PublishAndForgetAsync).Schedule();
        return Task.CompletedTask;
    }

    public async Task<PaymentView> ChargeAsync(ChargeRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserId))
            throw new PaymentConflictException("user_id is required");
        if (request.Amount <= 0)
            throw new PaymentConflictException("total_amount must be positive");
        if (!Caller.MayActFor(request.UserId))
            throw new NotOwnerException("a payment can only be made by the signed-in shopper");
        if (Payment.Exists)
        {
            if (!OwnedByCaller)
                throw new NotOwnerException("a payment can only be made by the signed-in shopper");
            await PublishOutboxAsync();
            if (Payment.Status == PaymentStatus.Voided)
                return View();
            if (Payment.Amount != request.Amount || !string.Equals(Payment.UserId, request.UserId, StringComparison.Ordinal))
                throw new PaymentConflictException(
                    $"order {OrderId} was already charged {Payment.Amount} for another request; one order has one charge");
            return View();
        }

        if (_options.Latency > TimeSpan.Zero)
            await Task.Delay(_options.Latency, clock);
        // The provider's faults hit only a new charge (a repeat answered above): nothing is stored before the decision,
        // so a provider that is down leaves no charge, and the order's retry or reminder asks again.
        var user = FaultScope.ForUser(request.UserId);
        await faults.InjectAsync(FaultNames.PaymentProviderDown, user, () => new StorageUnavailableException(PaymentProvider, "payment provider unavailable"));
        await faults.InjectAsync(FaultNames.PaymentLatency, user);
        var decline = PaymentDecider.Decline(OrderId, request.Amount, request.PaymentToken, _options)
            ?? (await faults.FiresAsync(FaultNames.PaymentDecline, user) ? "processor_declined" : null);
        var decided = new PaymentState
        {
            Exists = true,
            UserId = request.UserId,
            Amount = request.Amount,
            Status = decline is null ? PaymentStatus.Succeeded : PaymentStatus.Failed,
            Reference = decline is null ? PaymentDecider.Reference("ch", OrderId, _options.Seed) : null,
            Reason = decline,
            CreatedAt = clock.GetUtcNow(),
        };
        decided.Outbox = [DecisionEvent(decided)];
        await state.WriteOrReloadAsync(this, decided);
        LogCharged(OrderId, Payment.Status, decline ?? "approved");
        // The charge stands whether or not the broker confirms now: an event it refuses stays stored and due.
        await PublishAndForgetAsync();
        return View();
    }

    public Task<PaymentView?> GetAsync() => Task.FromResult(Payment.Exists && OwnedByCaller ? View() : null);

    /// <summary>Another shopper's payment is not found: its existence is not disclosed.</summary>
    private bool OwnedByCaller => Payment.UserId.Length == 0 || Caller.MayActFor(Payment.UserId);

    public Task PublishPendingAsync() => PublishOutboxAsync();

    public async Task<PaymentView> RefundAsync()
    {
        if (!Payment.Exists || !OwnedByCaller)
            throw new PaymentStateException($"no payment exists for order {OrderId}", notFound: true);
        // Refunding an order's charge here would leave the order confirmed and shippable with its stock sold: only a
        // standalone payment (the original's, charged with no order) is refunded directly. GetAsync interleaves, so
        // the order may be the one asking.
        if (Payment.Status == PaymentStatus.Succeeded && await GrainFactory.GetGrain<IOrderGrain>(OrderId).GetAsync() is not null)
            throw new PaymentStateException($"the payment for order {OrderId} is refunded through its order, which cancels or returns it", notFound: false);
        return await RefundChargeAsync();
    }

    /// <summary>The refund itself, once: a repeat answers the first one.</summary>
    private async Task<PaymentView> RefundChargeAsync()
    {
        if (Payment.Status == PaymentStatus.Refunded)
            return View();
        if (Payment.Status != PaymentStatus.Succeeded)
            throw new PaymentStateException($"the payment for order {OrderId} was {View().WireStatus}; only a succeeded payment can be refunded", notFound: false);
        await state.WriteOrReloadAsync(this, new PaymentState
        {
            Exists = true,
            UserId = Payment.UserId,
            Amount = Payment.Amount,
            Status = PaymentStatus.Refunded,
            Reference = Payment.Reference,
            Reason = Payment.Reason,
            CreatedAt = Payment.CreatedAt,
            RefundedAt = clock.GetUtcNow(),
            RefundReference = PaymentDecider.Reference("re", OrderId, _options.Seed),
            Outbox = Payment.Outbox,
        });
        LogRefunded(OrderId);
        return View();
    }

    public async Task<PaymentView?> CancelAsync()
    {
        if (!Payment.Exists)
        {
            await state.WriteOrReloadAsync(this, new PaymentState
            {
                Exists = true,
                Status = PaymentStatus.Voided,
                Reason = "order_cancelled",
                CreatedAt = clock.GetUtcNow(),
            });
            return null;
        }
        return Payment.Status == PaymentStatus.Succeeded ? await RefundChargeAsync() : View();
    }

    /// <summary>The original's <c>orders.payment_succeeded</c> / <c>orders.payment_failed</c>, with what it lacked.</summary>
    private PaymentEvent DecisionEvent(PaymentState payment)
    {
        var status = payment.Status == PaymentStatus.Succeeded ? "payment.succeeded" : "payment.failed";
        return new PaymentEvent
        {
            MessageId = IntegrationEvent.StableMessageId(OrderId, status),
            CorrelationId = OrderId,
            OccurredAt = payment.CreatedAt,
            OrderId = OrderId,
            Status = status,
            PaymentId = PaymentIds.For(OrderId),
            UserId = payment.UserId,
            Amount = payment.Amount,
            Reason = payment.Reason,
        };
    }

    public async Task<bool> ResumeDueWorkAsync()
    {
        // Not charged yet: its order is still going, and tells the index when it ends without a charge.
        if (!Payment.Exists)
            return false;
        try
        {
            await PublishOutboxAsync();
            return true;
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    /// <summary>Publishes the decision's event, then leaves the due-work index; a failure is logged and leaves it due.</summary>
    private async Task PublishAndForgetAsync()
    {
        try
        {
            await PublishOutboxAsync();
        }
        catch (StorageUnavailableException)
        {
            return;
        }
        GrainFactory.WorkDone(OrderId, this.GetGrainId());
    }

    /// <summary>Publishes the decision's event if it is still waiting; a failure fails the call, whose retry publishes it.</summary>
    private async Task PublishOutboxAsync()
    {
        if (Payment.Outbox.IsEmpty)
            return;
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), Payment.Outbox);
        // Forgotten in memory once confirmed; the emptied outbox is stored with the next write, if any.
        Payment.Outbox = left;
        if (failure is not null)
        {
            LogUnpublished(failure, OrderId);
            throw EventOutbox.Unpublished(OrderId, failure);
        }
    }

    private PaymentView View() => new(
        PaymentIds.For(OrderId), OrderId, Payment.UserId, Payment.Amount, Payment.Status, Payment.Reference, Payment.Reason,
        Payment.CreatedAt, Payment.RefundedAt, Payment.RefundReference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment for order {OrderId}: {Status} ({Reason})")]
    private partial void LogCharged(string orderId, PaymentStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment for order {OrderId} refunded")]
    private partial void LogRefunded(string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment for order {OrderId}: its event is stored but not yet published; the due-work sweep or a retry publishes it")]
    private partial void LogUnpublished(Exception exception, string orderId);
}

/// <summary>One idempotency key of <c>POST /payments</c>; calls on a key run one at a time, so a replay waits for the first.</summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed class PaymentRequestGrain(
    [PersistentState("request", PaymentStorage.Name)] IPersistentState<PaymentRequestState> state) : Grain, IPaymentRequestGrain
{
    public async Task<PaymentView> ChargeAsync(string orderId, ChargeRequest request, string requestHash)
    {
        if (state.State.RequestHash is { } first && !string.Equals(first, requestHash, StringComparison.Ordinal))
            throw new Contracts.Orders.IdempotencyConflictException("this Idempotency-Key was already used for a different payment request");
        if (state.State.Reply is { } reply)
            return reply;
        // Through the order, as without a key: only an existing order of the caller (or, trusted, a standalone one) is charged.
        var payment = await GrainFactory.GetGrain<IOrderGrain>(orderId).PayAsync(request);
        // A standalone charge has no order to see its event out: the answer waits for it, and a failure is retried.
        await GrainFactory.GetGrain<IPaymentGrain>(orderId).PublishPendingAsync();
        state.State.RequestHash = requestHash;
        state.State.Reply = payment;
        await state.WriteStateAsync();
        return payment;
    }
}
