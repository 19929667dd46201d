using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders;

namespace K8Shop.UnitTests.Orders;

/// <summary>Every status, ending and event of the saga: the allowed moves land where the design says, all others throw.</summary>
public sealed class OrderSagaTests
{
    private static readonly OrderStatus[] Endings = [OrderStatus.Rejected, OrderStatus.PaymentFailed, OrderStatus.Cancelled, OrderStatus.Returned];

    private static readonly OrderStatus?[] Fulfilments = [OrderStatus.Shipped, OrderStatus.Delivered];

    /// <summary>
    /// Every position the saga can be in: each status, with and without stock sold, releasing, refunding or returning
    /// towards each ending, and a requested return from each fulfilment status.
    /// </summary>
    public static IEnumerable<SagaPosition> Positions() =>
        from status in Enum.GetValues<OrderStatus>()
        from committed in new[] { false, true }
        from ending in status is OrderStatus.Releasing or OrderStatus.Refunding or OrderStatus.Returning ? Endings.Cast<OrderStatus?>() : [null]
        from fulfilment in status is OrderStatus.ReturnRequested ? Fulfilments : [null]
        select new SagaPosition(status, ending, committed, fulfilment);

    public static TheoryData<SagaPosition, SagaEvent> AllPairs()
    {
        var data = new TheoryData<SagaPosition, SagaEvent>();
        foreach (var position in Positions())
            foreach (var @event in Enum.GetValues<SagaEvent>())
                data.Add(position, @event);
        return data;
    }

    /// <summary>The design, written out as a table: where each allowed event leads, or null when it must be refused.</summary>
    private static SagaPosition? Expected(SagaPosition p, SagaEvent e) => (p.Status, e) switch
    {
        (OrderStatus.Pending, SagaEvent.StockReserved) => p with { Status = OrderStatus.Reserved },
        (OrderStatus.Pending, SagaEvent.StockShort) => p with { Status = OrderStatus.Releasing, Ending = OrderStatus.Rejected },
        (OrderStatus.Pending, SagaEvent.CancelRequested) => p with { Status = OrderStatus.Releasing, Ending = OrderStatus.Cancelled },
        (OrderStatus.Reserved, SagaEvent.PaymentApproved) => p with { Status = OrderStatus.Paid },
        (OrderStatus.Reserved, SagaEvent.PaymentDeclined) => p with { Status = OrderStatus.Releasing, Ending = OrderStatus.PaymentFailed },
        (OrderStatus.Reserved, SagaEvent.StockShort) => p with { Status = OrderStatus.Releasing, Ending = OrderStatus.Rejected },
        (OrderStatus.Reserved or OrderStatus.Paid or OrderStatus.Confirmed, SagaEvent.CancelRequested) =>
            p with { Status = OrderStatus.Refunding, Ending = OrderStatus.Cancelled },
        (OrderStatus.Paid, SagaEvent.StockCommitted) => p with { Status = OrderStatus.Confirmed, StockCommitted = true },
        (OrderStatus.Confirmed, SagaEvent.Shipped) => p with { Status = OrderStatus.Shipped },
        (OrderStatus.Shipped, SagaEvent.Shipped) => p,
        (OrderStatus.Shipped, SagaEvent.Delivered) => p with { Status = OrderStatus.Delivered },
        (OrderStatus.Delivered, SagaEvent.Delivered) => p,
        (OrderStatus.Releasing, SagaEvent.StockReleased) => new SagaPosition(p.Ending!.Value, null, p.StockCommitted),
        (OrderStatus.Releasing, SagaEvent.CancelRequested) => p.Ending == OrderStatus.Cancelled ? p : null,
        (OrderStatus.Refunding, SagaEvent.PaymentCancelled) => p.StockCommitted
            ? p with { Status = OrderStatus.Returning }
            : p with { Status = OrderStatus.Releasing, Ending = OrderStatus.Cancelled },
        (OrderStatus.Refunding or OrderStatus.Returning, SagaEvent.CancelRequested) => p.Ending == OrderStatus.Returned ? null : p,
        (OrderStatus.Cancelled, SagaEvent.CancelRequested) => p,
        (OrderStatus.Returning, SagaEvent.StockReturned) =>
            new SagaPosition(p.Ending == OrderStatus.Returned ? OrderStatus.Returned : OrderStatus.Cancelled, null, p.StockCommitted),

        // A refund before shipping is the cancellation; after it, a return request the admin decides.
        (OrderStatus.Reserved or OrderStatus.Paid or OrderStatus.Confirmed, SagaEvent.RefundRequested) =>
            p with { Status = OrderStatus.Refunding, Ending = OrderStatus.Cancelled },
        (OrderStatus.Releasing, SagaEvent.RefundRequested) => p.Ending == OrderStatus.Cancelled ? p : null,
        (OrderStatus.Refunding or OrderStatus.Returning or OrderStatus.Cancelled or OrderStatus.Returned, SagaEvent.RefundRequested) => p,
        (OrderStatus.Shipped or OrderStatus.Delivered, SagaEvent.RefundRequested) => p with { Status = OrderStatus.ReturnRequested, Fulfilment = p.Status },
        (OrderStatus.ReturnRequested, SagaEvent.RefundRequested or SagaEvent.Shipped) => p,
        (OrderStatus.ReturnRequested, SagaEvent.Delivered) => p with { Fulfilment = OrderStatus.Delivered },
        (OrderStatus.ReturnRequested, SagaEvent.ReturnApproved) => new SagaPosition(OrderStatus.Refunding, OrderStatus.Returned, p.StockCommitted),
        (OrderStatus.ReturnRequested, SagaEvent.ReturnDeclined) => new SagaPosition(p.Fulfilment!.Value, null, p.StockCommitted),
        (OrderStatus.Shipped or OrderStatus.Delivered, SagaEvent.ReturnDeclined) => p,
        (OrderStatus.Refunding or OrderStatus.Returning, SagaEvent.ReturnApproved) => p.Ending == OrderStatus.Returned ? p : null,
        (OrderStatus.Returned, SagaEvent.ReturnApproved) => p,
        _ => null,
    };

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_step_outcome_in_every_position_moves_the_order_where_the_design_says_or_changes_nothing(SagaPosition position, SagaEvent @event)
    {
        var at = DateTimeOffset.UnixEpoch.AddHours(1);
        var order = OrderAt(position);
        var outcome = new StepOutcome(@event, "why") { Reason = "card_declined", ShortSkus = ["BOOK-9"], Payment = new K8Shop.Contracts.Orders.OrderPayment("payment.succeeded", "pay-1", "ch_1", null) };
        var expected = Expected(position, @event);
        if (expected is null)
        {
            Assert.Throws<InvalidTransitionException>(() => OrderSaga.Advance(order, outcome, at));
            return;
        }

        var next = OrderSaga.Advance(order, outcome, at);

        Assert.Equal(expected, next.Position);
        Assert.Equal(new OrderTransition(expected.Status, at, "why"), next.Timeline[^1]);
        Assert.Equal(order.Timeline.Length + 1, next.Timeline.Length);
        Assert.Equal(("card_declined", "BOOK-9", "pay-1", at), (next.Reason, Assert.Single(next.ShortSkus), next.Payment!.PaymentId, next.UpdatedAt));
        // The lines are held once, and the first reply is where the timeline stood when the order first settled.
        Assert.Equal(order.Lines, next.Lines);
        Assert.Equal(expected.Status.IsSettled() ? next.Timeline.Length : 0, next.FirstReplyLength);
        Assert.Equal(position, order.Position);
    }

    [Fact]
    public void An_outcome_that_learnt_nothing_keeps_what_the_order_knew_and_a_later_settling_keeps_the_first_reply()
    {
        var at = DateTimeOffset.UnixEpoch;
        var payment = new K8Shop.Contracts.Orders.OrderPayment("payment.succeeded", "pay-1", "ch_1", null);
        var confirmed = OrderSaga.Advance(OrderSaga.Advance(OrderAt(new SagaPosition(OrderStatus.Reserved)), new StepOutcome(SagaEvent.PaymentApproved) { Payment = payment }, at),
            new StepOutcome(SagaEvent.StockCommitted) { CartCleared = true }, at);
        var cancelled = OrderSaga.Advance(OrderSaga.Advance(OrderSaga.Advance(confirmed, new StepOutcome(SagaEvent.CancelRequested), at),
            new StepOutcome(SagaEvent.PaymentCancelled) { Payment = payment with { Status = "payment.refunded" } }, at), new StepOutcome(SagaEvent.StockReturned), at);

        Assert.Equal((OrderStatus.Confirmed, true, 3, payment), (confirmed.Status, confirmed.CartCleared, confirmed.FirstReplyLength, confirmed.FirstReplyPayment));
        Assert.Equal((OrderStatus.Cancelled, true, 3, payment), (cancelled.Status, cancelled.CartCleared, cancelled.FirstReplyLength, cancelled.FirstReplyPayment));
        Assert.Equal("payment.refunded", cancelled.Payment!.Status);
    }

    private static OrderState OrderAt(SagaPosition position) => new()
    {
        UserId = "ana",
        Lines = [new K8Shop.Contracts.Orders.OrderLine("BOOK-1", "A book", 1, 10m, 10m)],
        Status = position.Status,
        Ending = position.Ending,
        StockCommitted = position.StockCommitted,
        Fulfilment = position.Fulfilment,
        Timeline = [new OrderTransition(OrderStatus.Pending, DateTimeOffset.UnixEpoch, null)],
    };

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_event_in_every_position_goes_where_the_design_says_or_is_refused(SagaPosition position, SagaEvent @event)
    {
        var expected = Expected(position, @event);
        if (expected is null)
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => OrderSaga.Apply(position, @event));
            Assert.Equal(position.Status, refused.Status);
            Assert.Equal(@event, refused.Event);
            Assert.False(OrderSaga.Allows(position, @event));
        }
        else
        {
            Assert.Equal(expected, OrderSaga.Apply(position, @event));
            Assert.True(OrderSaga.Allows(position, @event));
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, SagaStep.ReserveStock)]
    [InlineData(OrderStatus.Reserved, SagaStep.Charge)]
    [InlineData(OrderStatus.Paid, SagaStep.CommitStock)]
    [InlineData(OrderStatus.Releasing, SagaStep.ReleaseStock)]
    [InlineData(OrderStatus.Refunding, SagaStep.CancelPayment)]
    [InlineData(OrderStatus.Returning, SagaStep.ReturnStock)]
    [InlineData(OrderStatus.Confirmed, SagaStep.None)]
    [InlineData(OrderStatus.Rejected, SagaStep.None)]
    [InlineData(OrderStatus.PaymentFailed, SagaStep.None)]
    [InlineData(OrderStatus.Cancelled, SagaStep.None)]
    [InlineData(OrderStatus.Shipped, SagaStep.None)]
    [InlineData(OrderStatus.Delivered, SagaStep.None)]
    [InlineData(OrderStatus.ReturnRequested, SagaStep.None)]
    [InlineData(OrderStatus.Returned, SagaStep.None)]
    public void Each_status_has_one_next_step_and_only_settled_ones_have_none(OrderStatus status, SagaStep step)
    {
        Assert.Equal(step, OrderSaga.Next(new SagaPosition(status)));
        Assert.Equal(step == SagaStep.None, status.IsSettled());
    }

    /// <summary>The outcomes the saga's steps can report, per step.</summary>
    private static readonly Dictionary<SagaStep, SagaEvent[]> Outcomes = new()
    {
        [SagaStep.ReserveStock] = [SagaEvent.StockReserved, SagaEvent.StockShort],
        [SagaStep.Charge] = [SagaEvent.PaymentApproved, SagaEvent.PaymentDeclined, SagaEvent.StockShort],
        [SagaStep.CommitStock] = [SagaEvent.StockCommitted],
        [SagaStep.ReleaseStock] = [SagaEvent.StockReleased],
        [SagaStep.CancelPayment] = [SagaEvent.PaymentCancelled],
        [SagaStep.ReturnStock] = [SagaEvent.StockReturned],
    };

    [Fact]
    public void Every_run_of_steps_from_pending_settles_within_a_few_steps_whatever_the_outcomes_and_cancellations()
    {
        var settled = new HashSet<OrderStatus>();
        var runs = 0;
        // Depth-first over every outcome of every step, with a cancellation tried at each position that allows one.
        void Walk(SagaPosition position, int depth, bool cancelled)
        {
            Assert.True(depth < 10, $"the saga did not settle: {position}");
            var step = OrderSaga.Next(position);
            if (step == SagaStep.None)
            {
                settled.Add(position.Status);
                runs++;
                if (!cancelled && OrderSaga.Allows(position, SagaEvent.CancelRequested))
                    Walk(OrderSaga.Apply(position, SagaEvent.CancelRequested), depth + 1, true);
                return;
            }
            foreach (var outcome in Outcomes[step])
                Walk(OrderSaga.Apply(position, outcome), depth + 1, cancelled);
            if (!cancelled && OrderSaga.Allows(position, SagaEvent.CancelRequested))
                Walk(OrderSaga.Apply(position, SagaEvent.CancelRequested), depth + 1, true);
        }

        Walk(new SagaPosition(OrderStatus.Pending), 0, false);
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Rejected, OrderStatus.PaymentFailed, OrderStatus.Cancelled], settled.Order());
        Assert.True(runs >= 8, $"only {runs} runs were walked");
    }

    [Fact]
    public void A_cancelled_confirmed_order_refunds_then_returns_its_units_and_one_not_yet_committed_releases_them()
    {
        var confirmed = new SagaPosition(OrderStatus.Confirmed, null, StockCommitted: true);
        var refunding = OrderSaga.Apply(confirmed, SagaEvent.CancelRequested);
        Assert.Equal(SagaStep.CancelPayment, OrderSaga.Next(refunding));
        Assert.Equal(SagaStep.ReturnStock, OrderSaga.Next(OrderSaga.Apply(refunding, SagaEvent.PaymentCancelled)));

        var paid = OrderSaga.Apply(new SagaPosition(OrderStatus.Paid), SagaEvent.CancelRequested);
        Assert.Equal(SagaStep.ReleaseStock, OrderSaga.Next(OrderSaga.Apply(paid, SagaEvent.PaymentCancelled)));
    }

    [Fact]
    public void A_refund_of_a_confirmed_order_is_its_cancellation_step_for_step()
    {
        var confirmed = new SagaPosition(OrderStatus.Confirmed, null, StockCommitted: true);

        var refunded = Settle(OrderSaga.Apply(confirmed, SagaEvent.RefundRequested));

        Assert.Equal(Settle(OrderSaga.Apply(confirmed, SagaEvent.CancelRequested)), refunded);
        Assert.Equal(new SagaPosition(OrderStatus.Cancelled, null, true), refunded);
    }

    [Theory]
    [InlineData(OrderStatus.Shipped)]
    [InlineData(OrderStatus.Delivered)]
    public void A_refund_after_shipping_waits_for_an_admin_and_an_approved_return_refunds_then_takes_the_units_back(OrderStatus fulfilment)
    {
        var requested = OrderSaga.Apply(new SagaPosition(fulfilment, null, StockCommitted: true), SagaEvent.RefundRequested);
        Assert.Equal((OrderStatus.ReturnRequested, SagaStep.None), (requested.Status, OrderSaga.Next(requested)));

        var approved = OrderSaga.Apply(requested, SagaEvent.ReturnApproved);
        Assert.Equal(SagaStep.CancelPayment, OrderSaga.Next(approved));
        var returning = OrderSaga.Apply(approved, SagaEvent.PaymentCancelled);
        Assert.Equal(SagaStep.ReturnStock, OrderSaga.Next(returning));
        Assert.Equal(new SagaPosition(OrderStatus.Returned, null, true), OrderSaga.Apply(returning, SagaEvent.StockReturned));
    }

    [Fact]
    public void A_declined_return_goes_back_to_how_far_the_order_had_got_even_if_delivered_meanwhile()
    {
        var shipped = new SagaPosition(OrderStatus.Shipped, null, StockCommitted: true);
        var requested = OrderSaga.Apply(shipped, SagaEvent.RefundRequested);

        Assert.Equal(shipped, OrderSaga.Apply(requested, SagaEvent.ReturnDeclined));
        var deliveredMeanwhile = OrderSaga.Apply(requested, SagaEvent.Delivered);
        Assert.Equal(OrderStatus.ReturnRequested, deliveredMeanwhile.Status);
        Assert.Equal(new SagaPosition(OrderStatus.Delivered, null, true), OrderSaga.Apply(deliveredMeanwhile, SagaEvent.ReturnDeclined));
    }

    [Fact]
    public void No_order_on_its_way_to_a_refund_or_refunded_can_ship()
    {
        var refundPaths = Positions().Where(p => p.Status is OrderStatus.Refunding or OrderStatus.Returning or OrderStatus.Cancelled
            or OrderStatus.ReturnRequested or OrderStatus.Returned);

        var shippable = refundPaths.Where(p => OrderSaga.Allows(p, SagaEvent.Shipped) && OrderSaga.Apply(p, SagaEvent.Shipped).Status == OrderStatus.Shipped).ToList();

        Assert.Empty(shippable);
        Assert.NotEmpty(refundPaths);
    }

    [Fact]
    public void A_return_in_progress_cannot_be_turned_into_a_cancellation_or_declined()
    {
        var returning = new SagaPosition(OrderStatus.Returning, OrderStatus.Returned, true);

        Assert.False(OrderSaga.Allows(returning, SagaEvent.CancelRequested));
        Assert.False(OrderSaga.Allows(returning, SagaEvent.ReturnDeclined));
        Assert.Equal(returning, OrderSaga.Apply(returning, SagaEvent.ReturnApproved));
    }

    /// <summary>Runs the refund steps with their only outcome until nothing is left to do.</summary>
    private static SagaPosition Settle(SagaPosition position)
    {
        for (var step = OrderSaga.Next(position); step != SagaStep.None; step = OrderSaga.Next(position))
            position = OrderSaga.Apply(position, Outcomes[step][0]);
        return position;
    }
}
