using System.Collections.Immutable;
using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;

namespace K8Shop.Grains.Orders;

/// <summary>The saga's steps: reserve every line, charge once, commit the stock, clear the cart; each idempotent per order id.</summary>
public sealed partial class OrderGrain
{
    private async Task<(SagaEvent Event, string? Note, Action<OrderState> Change)> RunStepAsync(SagaStep step)
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
                return (SagaEvent.StockReleased, null, _ => { });
            case SagaStep.CancelPayment:
                var payment = await Payment().CancelAsync();
                return (SagaEvent.PaymentCancelled, payment?.Status.ToString().ToLowerInvariant(),
                    s => s.Payment = payment is null ? new OrderPayment("payment.voided", null, null, "cancelled before any charge") : Summary(payment));
            case SagaStep.ReturnStock:
                await Task.WhenAll(Order.Lines.Select(l => Inventory(l.Sku).ReturnAsync(OrderId, l.Quantity)));
                return (SagaEvent.StockReturned, null, _ => { });
            default:
                throw new InvalidOperationException($"no step {step}");
        }
    }

    private async Task<(SagaEvent, string?, Action<OrderState>)> ReserveAsync()
    {
        var results = await Task.WhenAll(Order.Lines.Select(l => TryReserveAsync(l)));
        var shortSkus = results.Where(r => r.Status is not (ReservationStatus.Reserved or ReservationStatus.Committed)).Select(r => r.Sku).ToImmutableArray();
        if (!shortSkus.IsEmpty)
        {
            LogOutOfStock(OrderId, string.Join(",", shortSkus));
            return (SagaEvent.StockShort, "out of stock: " + string.Join(", ", shortSkus), s =>
            {
                s.Reason = "out_of_stock";
                s.ShortSkus = shortSkus;
            });
        }
        var until = results.Select(r => r.ExpiresAt).Where(e => e is not null).DefaultIfEmpty(clock.GetUtcNow() + _options.ReservationTtl).Min();
        return (SagaEvent.StockReserved, null, s => s.ReservedUntil = until);
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

    private async Task<(SagaEvent, string?, Action<OrderState>)> ChargeAsync()
    {
        if (Order.ReservedUntil is { } until && clock.GetUtcNow() >= until)
            return (SagaEvent.StockShort, "reservations lapsed before the charge", s =>
            {
                s.Reason = "reservation_expired";
                s.ShortSkus = [.. s.Lines.Select(l => l.Sku)];
            });

        var payment = await Payment().ChargeAsync(new ChargeRequest(Order.UserId, Order.Total, Order.PaymentToken));
        if (payment.Status == PaymentStatus.Succeeded)
            return (SagaEvent.PaymentApproved, payment.Reference, s => s.Payment = Summary(payment));
        LogDeclined(OrderId, payment.Reason ?? "declined");
        return (SagaEvent.PaymentDeclined, payment.Reason, s =>
        {
            s.Payment = Summary(payment);
            s.Reason = payment.Reason ?? "payment_declined";
        });
    }

    private async Task<(SagaEvent, string?, Action<OrderState>)> CommitAsync()
    {
        var results = await Task.WhenAll(Order.Lines.Select(l => Inventory(l.Sku).CommitAsync(OrderId)));
        var lapsed = results.Where(r => r.Status != ReservationStatus.Committed).Select(r => r.Sku).ToList();
        // Before the expiry only this order could have closed its reservation, so "not reserved" means an earlier
        // commit whose answer a crash lost. After it, the units may have gone to someone else: say so.
        if (lapsed.Count > 0 && Order.ReservedUntil is { } until && clock.GetUtcNow() >= until)
        {
            LogLapsedCommit(OrderId, string.Join(",", lapsed));
            await ClearCartAsync();
            return (SagaEvent.StockCommitted, "reservation lapsed before commit: " + string.Join(", ", lapsed), s => s.CartCleared = s.FromCart);
        }
        // The ordered lines leave the cart with the same write that confirms the order (removing them again after a crash changes nothing).
        await ClearCartAsync();
        return (SagaEvent.StockCommitted, null, s => s.CartCleared = s.FromCart);
    }

    private async Task ClearCartAsync()
    {
        if (!Order.FromCart || Order.CartCleared)
            return;
        await GrainFactory.GetGrain<ICartGrain>(Order.UserId).RemoveItemsAsync([.. Order.Lines.Select(l => l.Sku)]);
    }
}
