using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders;

namespace K8Shop.UnitTests.Orders;

/// <summary>Every status, ending and event of the saga: the allowed moves land where the design says, all others throw.</summary>
public sealed class OrderSagaTests
{
    private static readonly OrderStatus[] Endings = [OrderStatus.Rejected, OrderStatus.PaymentFailed, OrderStatus.Cancelled];

    /// <summary>Every position the saga can be in: each status, with and without stock sold, releasing towards each ending.</summary>
    public static IEnumerable<SagaPosition> Positions() =>
        from status in Enum.GetValues<OrderStatus>()
        from committed in new[] { false, true }
        from ending in status is OrderStatus.Releasing or OrderStatus.Refunding ? Endings.Cast<OrderStatus?>() : [null]
        select new SagaPosition(status, ending, committed);

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
        (OrderStatus.Refunding or OrderStatus.Returning or OrderStatus.Cancelled, SagaEvent.CancelRequested) => p,
        (OrderStatus.Returning, SagaEvent.StockReturned) => new SagaPosition(OrderStatus.Cancelled, null, p.StockCommitted),
        _ => null,
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
}
