using K8Shop.Contracts.Inventory;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

/// <summary>Reservations past their time to live give their units back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainExpiryTests(ClusterFixture cluster)
{
    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    [Fact]
    public async Task Get_ReservationPastItsTtl_ShowsTheUnitsAvailableAgainAndItsCommitAnswersNotReserved()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        var reserved = await grain.ReserveAsync(order, 4, TimeSpan.FromSeconds(60));
        var beforeExpiry = await grain.GetAsync();

        cluster.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await grain.GetAsync();
        var commit = await grain.CommitAsync(order);

        Assert.Equal(ReservationStatus.Reserved, reserved.Status);
        Assert.Equal((10, 4, 0L, 6), Counters(beforeExpiry));
        Assert.Equal((10, 0, 0L, 10), Counters(afterExpiry));
        Assert.Equal((ReservationStatus.NotReserved, 0), (commit.Status, commit.Quantity));
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_SoldOutSkuAfterAnExpiry_TakesTheReturnedUnits()
    {
        var (_, grain) = await NewSku(3);
        await grain.ReserveAsync(NewOrder(), 3, TimeSpan.FromSeconds(30));

        cluster.Clock.Advance(TimeSpan.FromSeconds(31));
        var next = await grain.ReserveAsync(NewOrder(), 3, Ttl);

        Assert.Equal((ReservationStatus.Reserved, 0), (next.Status, next.Available));
        Assert.Equal((3, 3, 0L, 0), Counters(await grain.GetAsync()));
    }
}
