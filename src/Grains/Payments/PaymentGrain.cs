using K8Shop.Contracts.Events;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Events;
using K8Shop.Faults.Injection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace K8Shop.Grains.Payments;

/// <summary>
/// One order's payment. The grain handles one call at a time and stores the decision before answering, so a
/// retried charge, however it arrives, finds the first one: an order is charged at most once, refunded at most once.
/// The decision's event is stored with it (the outbox) and published just after the answer; the order asks for it
/// to be out (<see cref="PublishPendingAsync"/>) before it considers itself done, and an activation that finds it
/// still waiting publishes it.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class PaymentGrain(
    [PersistentState("payment", PaymentStorage.Name)] IPersistentState<PaymentState> state,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    IFaultInjector faults,
    ILogger<PaymentGrain> logger) : Grain, IPaymentGrain
{
    private readonly PaymentOptions _options = options.Value;

    /// <summary>The backend named when the payment provider cannot be reached (503, retry).</summary>
    public const string PaymentProvider = "payment-provider";

    private string OrderId => this.GetPrimaryKeyString();

    private PaymentState Payment => state.State;

    private IGrainTimer? _publishing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Payment.Outbox.IsEmpty)
            PublishAfterThisCall();
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
        state.State = new PaymentState
        {
            Exists = true,
            UserId = request.UserId,
            Amount = request.Amount,
            Status = decline is null ? PaymentStatus.Succeeded : PaymentStatus.Failed,
            Reference = decline is null ? PaymentDecider.Reference("ch", OrderId, _options.Seed) : null,
            Reason = decline,
            CreatedAt = clock.GetUtcNow(),
        };
        Payment.Outbox = [DecisionEvent()];
        await state.WriteStateAsync();
        LogCharged(OrderId, Payment.Status, decline ?? "approved");
        PublishAfterThisCall();
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
        Payment.Status = PaymentStatus.Refunded;
        Payment.RefundedAt = clock.GetUtcNow();
        Payment.RefundReference = PaymentDecider.Reference("re", OrderId, _options.Seed);
        await state.WriteStateAsync();
        LogRefunded(OrderId);
        return View();
    }

    public async Task<PaymentView?> CancelAsync()
    {
        if (!Payment.Exists)
        {
            state.State = new PaymentState
            {
                Exists = true,
                Status = PaymentStatus.Voided,
                Reason = "order_cancelled",
                CreatedAt = clock.GetUtcNow(),
            };
            await state.WriteStateAsync();
            return null;
        }
        return Payment.Status == PaymentStatus.Succeeded ? await RefundChargeAsync() : View();
    }

    /// <summary>The original's <c>orders.payment_succeeded</c> / <c>orders.payment_failed</c>, with what it lacked.</summary>
    private PaymentEvent DecisionEvent()
    {
        var status = Payment.Status == PaymentStatus.Succeeded ? "payment.succeeded" : "payment.failed";
        return new PaymentEvent
        {
            MessageId = IntegrationEvent.StableMessageId(OrderId, status),
            CorrelationId = OrderId,
            OccurredAt = Payment.CreatedAt,
            OrderId = OrderId,
            Status = status,
            PaymentId = PaymentIds.For(OrderId),
            UserId = Payment.UserId,
            Amount = Payment.Amount,
            Reason = Payment.Reason,
        };
    }

    /// <summary>The answer need not wait for the event: a timer publishes it once this call is over (grain timers do not interleave).</summary>
    private void PublishAfterThisCall()
    {
        _publishing ??= this.RegisterGrainTimer(async () =>
        {
            _publishing?.Dispose();
            _publishing = null;
            try
            {
                await PublishOutboxAsync();
            }
            catch (StorageUnavailableException)
            {
                // Logged; the order's reminder (or the next call) publishes it.
            }
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Publishes the decision's event if it is still waiting; a failure fails the call, whose retry publishes it.</summary>
    private async Task PublishOutboxAsync()
    {
        if (Payment.Outbox.IsEmpty)
            return;
        var (left, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), Payment.Outbox);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment for order {OrderId}: its event is stored but not yet published; the order's reminder or a retry publishes it")]
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
