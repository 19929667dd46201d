using K8Shop.Contracts.Inventory;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

/// <summary>Reserve, commit and release repeated for one order take, sell or return its units once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainIdempotencyTests(ClusterFixture cluster)
{
    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    [Fact]
    public async Task Reserve_SameOrderTwice_HoldsOneReservation()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var first = await grain.ReserveAsync(order, 3, Ttl);
        var second = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(first, second);
        Assert.Equal((ReservationStatus.Reserved, 3, 7), (first.Status, first.Quantity, first.Available));
        Assert.Equal((10, 3, 0L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_SameOrder20TimesAtOnce_HoldsOneReservation()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.ReserveAsync(order, 2, Ttl)));

        Assert.All(answers, a => Assert.Equal((ReservationStatus.Reserved, 2), (a.Status, a.Quantity)));
        Assert.Single(answers.Select(a => a.ExpiresAt).Distinct());
        Assert.Equal((10, 2, 0L, 8), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Commit_Twice_SellsTheUnitsOnce()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);

        var first = await grain.CommitAsync(order);
        var second = await grain.CommitAsync(order);

        Assert.Equal((ReservationStatus.Committed, 3), (first.Status, first.Quantity));
        Assert.Equal(first, second);
        Assert.Equal((7, 0, 3L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Release_Twice_ReturnsTheUnitsOnce()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);

        var first = await grain.ReleaseAsync(order);
        var second = await grain.ReleaseAsync(order);

        Assert.Equal((ReservationStatus.Released, 3), (first.Status, first.Quantity));
        Assert.Equal((ReservationStatus.NotReserved, 0), (second.Status, second.Quantity));
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_AfterCommit_AnswersCommittedAndTakesNothingMore()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);
        await grain.CommitAsync(order);

        var again = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(ReservationStatus.Committed, again.Status);
        Assert.Equal((7, 0, 3L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_ArrivingAfterItsOrdersRelease_AnswersOrderClosedAndTakesNothing()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var release = await grain.ReleaseAsync(order);
        var late = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(ReservationStatus.NotReserved, release.Status);
        Assert.Equal(ReservationStatus.OrderClosed, late.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }
}
