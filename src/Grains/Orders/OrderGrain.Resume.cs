using K8Shop.Contracts.Orders;
using K8Shop.Grains.Durability;

namespace K8Shop.Grains.Orders;

/// <summary>Resuming an order a crash cut short: by the due-work sweep, by a client's call, or by an old per-order reminder.</summary>
public sealed partial class OrderGrain
{
    public async Task<OrderView?> ResumeAsync()
    {
        if (!Order.Placed)
            return null;
        await RunSagaAsync();
        return View();
    }

    public async Task<bool> ResumeDueWorkAsync()
    {
        if (!Order.Placed)
        {
            // Recorded as due, never stored: nothing to resume, and no charge will come for its payment.
            GrainFactory.WorkDone(OrderId, Payment().GetGrainId());
            return true;
        }
        if (!Done)
        {
            LogResuming(OrderId, Order.Status.Wire());
            if (!Order.Status.IsSettled())
                OrderTelemetry.Resumed(OrderSaga.Next(Order.Position).ToString());
        }
        try
        {
            await RunSagaAsync();
            await PublishOutboxAsync();
        }
        catch (Exception ex)
        {
            // The next sweep tries again; each step is idempotent.
            LogResumeFailed(ex, OrderId, Order.Status.Wire());
            return false;
        }
        ForgetUnchargedPayment();
        return Done;
    }

    /// <summary>
    /// Orders stored before the due-work index each had a reminder (<c>checkout-saga</c>): its next tick resumes the
    /// order as the sweep would, hands whatever is still left to the index, and removes the reminder for good.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!await ResumeDueWorkAsync())
            await GrainFactory.ExpectWorkAsync(OrderId, this.GetGrainId());
        if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Nothing left to resume: the saga settled, the cart is cleared, every event is published.</summary>
    private bool Done => Order.Status.IsSettled() && CartDone && Order.Outbox.IsEmpty;

    // An order placed from the cart takes its lines out of the cart once confirmed.
    private bool CartDone => !(Order.FromCart && !Order.CartCleared && Order.Status == OrderStatus.Confirmed);
}
