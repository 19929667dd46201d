using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Inventory;

namespace K8Shop.GrainTests.Inventory;

/// <summary>The stock the catalog shows is the inventory grain's available units.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CatalogStockTests(ClusterFixture cluster)
{
    private ICatalogGrain Catalog => cluster.Grains.GetGrain<ICatalogGrain>(0);

    [Fact]
    public async Task Find_AfterAReservation_ShowsTheInventoryAvailableAsStock()
    {
        var (sku, grain) = await TestSkus.CreateGrainAsync(cluster.Grains, 10);
        await grain.ReserveAsync($"order-{Guid.NewGuid():N}", 4, TimeSpan.FromHours(1));

        var product = await Catalog.FindAsync(sku.ToLowerInvariant());
        var view = await grain.GetAsync();

        Assert.NotNull(product);
        Assert.Equal((6, 6), (product.Stock, view.Available));
    }

    [Fact]
    public async Task Search_AfterACommit_ShowsTheInventoryAvailableAsStock()
    {
        var (sku, grain) = await TestSkus.CreateGrainAsync(cluster.Grains, 10);
        var order = $"order-{Guid.NewGuid():N}";
        await grain.ReserveAsync(order, 3, TimeSpan.FromHours(1));
        await grain.CommitAsync(order);

        var page = await Catalog.SearchAsync(new CatalogQuery(Text: sku));

        var product = Assert.Single(page.Items, p => p.Sku.Equals(sku, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(7, product.Stock);
        Assert.Equal(7, (await grain.GetAsync()).Available);
    }

    [Fact]
    public async Task Create_NewProduct_ShowsItsDraftStockThroughTheInventory()
    {
        var sku = $"t-{Guid.NewGuid():N}"[..18];

        var created = await Catalog.CreateAsync(new ProductDraft(sku, "Inventory test book", null, 10m, null, [], 17, null, null, null));

        Assert.Equal(17, created.Stock);
        Assert.Equal(17, (await cluster.Grains.GetGrain<IInventorySkuGrain>(InventoryKey.For(sku)).GetAsync()).OnHand);
    }
}
