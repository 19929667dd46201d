using System.Collections.Immutable;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Recommendations;
using K8Shop.Grains.Recommendations;

namespace K8Shop.UnitTests.Recommendations;

public sealed class SalesTallyTests
{
    private static SalesRecord Sale(string messageId, string orderId, bool returned, params (string Sku, int Qty)[] lines) =>
        new(messageId, orderId, returned, [.. lines.Select(l => new SaleLine(l.Sku, l.Qty))]);

    /// <summary>Applies at a fixed moment with a week's window: these tests are about counting, not time.</summary>
    private static bool Apply(PopularityState state, SalesRecord sale, int remembered) =>
        SalesTally.Apply(state, sale, remembered, TestData.Epoch, 7);

    [Fact]
    public void Apply_AddsUnitsPerSkuUpperCased()
    {
        var state = new PopularityState();

        Assert.True(Apply(state, Sale("m1", "o1", false, ("book-1", 2), ("BOOK-2", 1)), 10));
        Assert.True(Apply(state, Sale("m2", "o2", false, ("BOOK-1", 3)), 10));

        Assert.Equal([new SkuSales("BOOK-1", 5), new SkuSales("BOOK-2", 1)], SalesTally.Rank(state).Skus.ToArray());
    }

    [Fact]
    public void Apply_SameMessageAgain_CountsOnce()
    {
        var state = new PopularityState();
        var sale = Sale("m1", "o1", false, ("BOOK-1", 2));

        Assert.True(Apply(state, sale, 10));
        Assert.False(Apply(state, sale, 10));

        Assert.Equal(2, state.Units["BOOK-1"]);
    }

    [Fact]
    public void Apply_CancellationOfACountedOrder_TakesItsUnitsBackOnceAndNeverBelowZero()
    {
        var state = new PopularityState();
        Apply(state, Sale("m1", "o1", false, ("BOOK-1", 2)), 10);

        Assert.True(Apply(state, Sale("m2", "o1", true, ("BOOK-1", 5)), 10));
        Assert.False(Apply(state, Sale("m3", "o1", true, ("BOOK-1", 2)), 10));

        Assert.False(state.Units.ContainsKey("BOOK-1"));
    }

    [Fact]
    public void Apply_CancellationOfAnOrderNeverCounted_ChangesNothing()
    {
        var state = new PopularityState();
        Apply(state, Sale("m1", "o1", false, ("BOOK-1", 2)), 10);

        Assert.False(Apply(state, Sale("m2", "o-unconfirmed", true, ("BOOK-1", 2)), 10));

        Assert.Equal(2, state.Units["BOOK-1"]);
    }

    [Fact]
    public void Apply_RemembersOnlyTheLatestEvents()
    {
        var state = new PopularityState();
        for (var i = 0; i < 5; i++)
            Apply(state, Sale($"m{i}", $"o{i}", false, ("BOOK-1", 1)), 3);

        Assert.Equal(new[] { "m2", "m3", "m4" }.Select(AppliedKey.Hash), state.Applied.Select(a => a.Message));
        // m0 is forgotten: delivered again after the window it would count again; m4 is still known.
        Assert.False(Apply(state, Sale("m4", "o4", false, ("BOOK-1", 1)), 3));
    }

    [Theory]
    [InlineData("order.confirmed", false)]
    [InlineData("order.cancelled", true)]
    [InlineData("order.returned", true)]
    public void FromEvent_ConfirmedAndCancelledOrdersAreSales(string name, bool returned)
    {
        var sale = SalesTally.FromEvent(OrderEventOf(name));

        Assert.NotNull(sale);
        Assert.Equal(("msg-1", "order-1", returned), (sale.MessageId, sale.OrderId, sale.Returned));
        Assert.Equal([new SaleLine("BOOK-001", 2)], sale.Lines.ToArray());
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("order.rejected")]
    [InlineData("order.shipped")]
    [InlineData("order.return_requested")]
    [InlineData("order.return_declined")]
    public void FromEvent_OtherOrderEventsAreNotSales(string name) => Assert.Null(SalesTally.FromEvent(OrderEventOf(name)));

    private static OrderEvent OrderEventOf(string name) => new()
    {
        MessageId = "msg-1",
        CorrelationId = "order-1",
        OccurredAt = DateTimeOffset.UnixEpoch,
        Event = name,
        OrderId = "order-1",
        UserId = "u",
        Status = "x",
        Items = ImmutableArray.Create(new OrderEventLine("BOOK-001", 2, 10m, 20m, "T")),
        Total = 20m,
        ItemCount = 2,
        CreatedAt = "2026-01-01T00:00:00Z",
    };

    [Fact]
    public void Apply_ToAStateAnEarlierVersionStored_KeepsItsRememberedEvents()
    {
        var state = new PopularityState
        {
            Units = new() { ["BOOK-1"] = 3 },
            Recent = [new AppliedSale("m1", "o1", false), new AppliedSale("m2", "o2", false)],
        };

        Assert.False(Apply(state, Sale("m2", "o2", false, ("BOOK-1", 1)), 10));
        Assert.True(Apply(state, Sale("m3", "o1", true, ("BOOK-1", 1)), 10));

        Assert.Empty(state.Recent);
        Assert.Equal(new[] { "m1", "m2", "m3" }.Select(AppliedKey.Hash), state.Applied.Select(a => a.Message));
        Assert.Equal(2, state.Units["BOOK-1"]);
    }

    [Fact]
    public void AppliedKey_Hash_IsStableAcrossProcesses()
    {
        // FNV-1a 64 of "a" and of the empty string, as published; a per-process hash would break stored states.
        Assert.Equal(0xaf63dc4c8601ec8cUL, AppliedKey.Hash("a"));
        Assert.Equal(0xcbf29ce484222325UL, AppliedKey.Hash(""));
    }
}
