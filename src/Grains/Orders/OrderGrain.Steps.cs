using System.Collections.Immutable;
using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.Grains.Orders;

/// <summary>The saga's steps: reserve every line, charge once, commit the stock, clear the cart; each idempotent per order id.</summary>
public sealed partial class OrderGrain
{
    private async Task<StepOutcome> RunStepAsync(SagaStep step)
    {
        switch (step)
        {
            case SagaStep.ReserveStock:
                return await ReserveAsync();
            case SagaStep.Charge:
                return await ChargeAsync();
            case SagaStep.CommitStock:
                return await CommitAsync();
            case SagaStep.ReleaseStock:
                await Task.WhenAll(Order.Lines.Select(l => Inventory(l.Sku).ReleaseAsync(OrderId)));
                return new StepOutcome(SagaEvent.StockReleased);
            case SagaStep.CancelPayment:
                var payment = await Payment().CancelAsync();
                return new StepOutcome(SagaEvent.PaymentCancelled, payment?.Status.ToString().ToLowerInvariant())
                {
                    Payment = payment is null ? new OrderPayment("payment.voided", null, null, "cancelled before any charge") : Summary(payment),
                };
            case SagaStep.ReturnStock:
                await Task.WhenAll(Order.Lines.Select(l => Inventory(l.Sku).ReturnAsync(OrderId, l.Quantity)));
                return new StepOutcome(SagaEvent.StockReturned);
            default:
                throw new InvalidOperationException($"no step {step}");
        }
    }

    private async Task<StepOutcome> ReserveAsync()
    {
        // A resumed order whose charge went through had reserved every line before it, and may have committed some.
        // Reserving again is not safe: a SKU remembers only its last few closed orders, and one that forgot this order
        // would hold (and the commit then sell) its units a second time. The saga goes on instead: the charge answers as
        // before, and the commit commits what is still held and finds the rest committed.
        var decided = _placedHere ? null : (await Payment().GetAsync())?.Status;
        if (decided == PaymentStatus.Succeeded)
            return new StepOutcome(SagaEvent.StockReserved, "charged before an interruption: its reservations stand");
        var results = await Task.WhenAll(Order.Lines.Select(l => TryReserveAsync(l)));
        var shortSkus = results.Where(r => r.Status is not (ReservationStatus.Reserved or ReservationStatus.Committed)).Select(r => r.Sku).ToImmutableArray();
        if (!shortSkus.IsEmpty)
        {
            // Reservations are idempotent per order, so a resumed order finds the ones it released or let lapse short.
            // Its payment may have been declined before the interruption: the order then follows that decision (it
            // releases again), not the second look at the stock.
            if (decided == PaymentStatus.Failed)
                return new StepOutcome(SagaEvent.StockReserved, "payment decided before an interruption; short on resume: " + string.Join(", ", shortSkus));
            LogOutOfStock(OrderId, string.Join(",", shortSkus));
            return new StepOutcome(SagaEvent.StockShort, "out of stock: " + string.Join(", ", shortSkus)) { Reason = "out_of_stock", ShortSkus = shortSkus };
        }
        var until = results.Select(r => r.ExpiresAt).Where(e => e is not null).DefaultIfEmpty(clock.GetUtcNow() + _options.ReservationTtl).Min();
        return new StepOutcome(SagaEvent.StockReserved) { ReservedUntil = until };
    }

    private async Task<ReservationResult> TryReserveAsync(OrderLine line)
    {
        try
        {
            return await Inventory(line.Sku).ReserveAsync(OrderId, line.Quantity, _options.ReservationTtl);
        }
        catch (InventoryRuleException)
        {
            // The SKU left the catalog since the order was priced: nothing can be held for it.
            return new ReservationResult(line.Sku, OrderId, ReservationStatus.OutOfStock, line.Quantity, null, 0);
        }
    }

    private async Task<StepOutcome> ChargeAsync()
    {
        if (Order.ReservedUntil is { } until && clock.GetUtcNow() >= until)
            return new StepOutcome(SagaEvent.StockShort, "reservations lapsed before the charge")
            {
                Reason = "reservation_expired",
                ShortSkus = [.. Order.Lines.Select(l => l.Sku)],
            };

        var payment = await Payment().ChargeAsync(new ChargeRequest(Order.UserId, Order.Total, Order.PaymentToken));
        if (payment.Status == PaymentStatus.Succeeded)
            return new StepOutcome(SagaEvent.PaymentApproved, payment.Reference) { Payment = Summary(payment) };
        LogDeclined(OrderId, payment.Reason ?? "declined");
        return new StepOutcome(SagaEvent.PaymentDeclined, payment.Reason) { Payment = Summary(payment), Reason = payment.Reason ?? "payment_declined" };
    }

    private async Task<StepOutcome> CommitAsync()
    {
        var results = await Task.WhenAll(Order.Lines.Select(l => Inventory(l.Sku).CommitAsync(OrderId)));
        var lapsed = results.Where(r => r.Status != ReservationStatus.Committed).Select(r => r.Sku).ToList();
        // Before the expiry only this order could have closed its reservation, so "not reserved" means an earlier
        // commit whose answer a crash lost. After it, the units may have gone to someone else: say so.
        if (lapsed.Count > 0 && Order.ReservedUntil is { } until && clock.GetUtcNow() >= until)
        {
            LogLapsedCommit(OrderId, string.Join(",", lapsed));
            await ClearCartAsync();
            return new StepOutcome(SagaEvent.StockCommitted, "reservation lapsed before commit: " + string.Join(", ", lapsed)) { CartCleared = Order.FromCart };
        }
        // The ordered lines leave the cart with the same write that confirms the order (removing them again after a crash changes nothing).
        await ClearCartAsync();
        return new StepOutcome(SagaEvent.StockCommitted) { CartCleared = Order.FromCart };
    }

    private async Task ClearCartAsync()
    {
        if (!Order.FromCart || Order.CartCleared)
            return;
        await GrainFactory.GetGrain<ICartGrain>(Order.UserId).RemoveItemsAsync([.. Order.Lines.Select(l => l.Sku)]);
    }
}
