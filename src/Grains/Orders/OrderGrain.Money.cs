using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.Grains.Orders;

/// <summary>
/// Money in and out of an order goes through the order, one call at a time, so status and stock follow it: a charge
/// only for an order that is due one, for its shopper and total; a refund that is a cancellation before shipping and
/// a return an admin decides after it. The payment grain keeps the money exact (one charge, one refund); this grain
/// keeps the order true to it.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<PaymentView> PayAsync(ChargeRequest request)
    {
        if (!Caller.MayActFor(request.UserId))
            throw new NotOwnerException("a payment can only be made by the signed-in shopper");
        if (!Order.Placed)
        {
            // A signed-in caller pays for orders only. A trusted call (a gateway in Auth:Mode=open, where the original
            // payment service charged any order id it was given) keeps that standalone charge: it has no stock to move.
            if (Caller.Current is not null)
                throw new OrderNotFoundException(OrderId);
            return await Payment().ChargeAsync(request);
        }

        RequireOwner();
        if (!string.Equals(request.UserId, Order.UserId, StringComparison.Ordinal) || request.Amount != Order.Total)
            throw new PaymentConflictException($"order {OrderId} is paid by the shopper who placed it, for its total of {Order.Total}; this payment asks otherwise");
        // The saga charges the order when it is due (only after a crash can that still be the case here).
        await RunSagaAsync();
        return await Payment().GetAsync()
            ?? throw new OrderStateException(OrderId, Order.Status, "be paid");
    }

    public async Task<OrderRefund> RefundAsync()
    {
        if (!Order.Placed)
            return new OrderRefund(await Payment().RefundAsync(), null);

        RequireOwner();
        var payment = await Payment().GetAsync()
            ?? throw new PaymentStateException($"no payment exists for order {OrderId}", notFound: true);
        // A refunded payment goes on: an order left confirmed by a refund made outside it is cancelled now.
        if (payment.Status is not (PaymentStatus.Succeeded or PaymentStatus.Refunded))
            throw new PaymentStateException($"the payment for order {OrderId} was {payment.WireStatus}; only a succeeded payment can be refunded", notFound: false);
        await ApplyAsync(SagaEvent.RefundRequested, "be refunded");
        await RunSagaAsync();
        return new OrderRefund(await Payment().GetAsync() ?? payment, View());
    }

    public async Task<OrderView> DecideReturnAsync(bool approve)
    {
        RequirePlaced();
        // The gateway's admin policy says so too; a shopper never approves their own refund, whatever route calls this.
        if (Caller.Current is { Kind: CallerKind.Shopper })
            throw new NotOwnerException("only an admin decides a return");
        await ApplyAsync(approve ? SagaEvent.ReturnApproved : SagaEvent.ReturnDeclined, approve ? "have a return approved" : "have a return declined");
        await RunSagaAsync();
        return View();
    }
}
