using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Inventory;

namespace K8Shop.UnitTests.Inventory;

public sealed class InventoryInputTests
{
    private static ApplyRequest Apply(params (string? Sku, decimal? Qty)[] items) =>
        new("order-1", [.. items.Select(i => new ApplyItem(i.Sku, i.Qty))]);

    private static (string, int)[] Rows(List<StockLine> lines) => [.. lines.Select(l => (l.Sku, l.Quantity)).OrderBy(l => l.Sku, StringComparer.Ordinal)];

    [Fact]
    public void CheckApply_SameSkuInDifferentCases_SumsTheLinesUnderTheUpperCaseSku()
    {
        var (lines, errors, empty) = InventoryInput.CheckApply(Apply(("book-001", 2), ("BOOK-001", 3), ("Book-002", 1m)));

        Assert.Equal([("BOOK-001", 5), ("BOOK-002", 1)], Rows(lines));
        Assert.Empty(errors);
        Assert.False(empty);
    }

    [Fact]
    public void CheckApply_ZeroAndNegativeQuantities_DropsThoseLines()
    {
        var (lines, errors, empty) = InventoryInput.CheckApply(Apply(("BOOK-001", 0), ("BOOK-002", -2), ("BOOK-003", 1)));

        Assert.Equal([("BOOK-003", 1)], Rows(lines));
        Assert.Empty(errors);
        Assert.False(empty);
    }

    [Fact]
    public void CheckApply_EveryLineDropped_IsEmptyWithoutErrors()
    {
        var (lines, errors, empty) = InventoryInput.CheckApply(Apply(("BOOK-001", 0), ("BOOK-002", -1)));

        Assert.Empty(lines);
        Assert.Empty(errors);
        Assert.True(empty);
    }

    [Fact]
    public void CheckApply_NoItemsAtAll_IsEmpty()
    {
        var (lines, errors, empty) = InventoryInput.CheckApply(new ApplyRequest("order-1", []));

        Assert.Empty(lines);
        Assert.Empty(errors);
        Assert.True(empty);
    }

    [Fact]
    public void CheckApply_ItemsMissing_ErrorsOnItems()
    {
        var (_, errors, empty) = InventoryInput.CheckApply(new ApplyRequest("order-1", null));

        Assert.Equal(["items"], errors.Keys);
        Assert.False(empty);
    }

    [Fact]
    public void CheckApply_26DifferentSkus_ErrorsOnItems()
    {
        var request = Apply([.. Enumerable.Range(1, 26).Select(i => ((string?)$"BOOK-{i:000}", (decimal?)1m))]);

        var (_, errors, _) = InventoryInput.CheckApply(request);

        Assert.Equal(["items"], errors.Keys);
    }

    [Fact]
    public void CheckApply_25DifferentSkusAsManyLinesInMixedCase_IsAccepted()
    {
        var skus = Enumerable.Range(1, 25).SelectMany(i => new[] { $"BOOK-{i:000}", $"book-{i:000}" });
        var request = Apply([.. skus.Select(s => ((string?)s, (decimal?)1m))]);

        var (lines, errors, _) = InventoryInput.CheckApply(request);

        Assert.Empty(errors);
        Assert.Equal(25, lines.Count);
        Assert.All(lines, l => Assert.Equal(2, l.Quantity));
    }

    [Fact]
    public void CheckApply_NonWholeQuantity_ErrorsNamingTheItem()
    {
        var (_, errors, _) = InventoryInput.CheckApply(Apply(("BOOK-001", 1), ("BOOK-002", 1.5m)));

        Assert.Equal(["items[1].qty"], errors.Keys);
    }

    [Fact]
    public void CheckApply_QuantityMissing_ErrorsNamingTheItem()
    {
        var (_, errors, _) = InventoryInput.CheckApply(Apply(("BOOK-001", null)));

        Assert.Equal(["items[0].qty"], errors.Keys);
    }

    [Theory]
    [InlineData(ShopLimits.Inventory.MaxStock + 1L)]
    [InlineData(1_000_000_000_000)]
    public void CheckApply_QuantityAboveTheLargestStock_ErrorsNamingTheItem(long quantity)
    {
        var (_, errors, _) = InventoryInput.CheckApply(Apply(("BOOK-001", 1), ("BOOK-002", 2), ("BOOK-003", quantity)));

        Assert.Equal(["items[2].qty"], errors.Keys);
    }

    [Fact]
    public void CheckApply_LinesAddingUpToExactlyTheLargestStock_AreAcceptedForTheStockToAnswer()
    {
        var (lines, errors, _) = InventoryInput.CheckApply(Apply(("BOOK-001", 400_000), ("book-001", ShopLimits.Inventory.MaxStock - 400_000)));

        Assert.Empty(errors);
        Assert.Equal([("BOOK-001", ShopLimits.Inventory.MaxStock)], Rows(lines));
    }

    [Fact]
    public void CheckApply_LinesOfOneSkuAddingUpPastTheLargestStock_ErrorsNamingTheSku()
    {
        var (_, errors, _) = InventoryInput.CheckApply(Apply(("book-001", 6_000_000), ("BOOK-001", 6_000_000), ("BOOK-002", 1)));

        var error = Assert.Single(errors);
        Assert.Equal("items[BOOK-001].qty", error.Key);
        Assert.Contains("12000000", error.Value[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad sku")]
    [InlineData("-LEADING-DASH")]
    [InlineData("")]
    [InlineData(null)]
    public void CheckApply_BadSku_ErrorsNamingTheItem(string? sku)
    {
        var (_, errors, _) = InventoryInput.CheckApply(Apply(("BOOK-001", 1), (sku, 1)));

        Assert.Equal(["items[1].sku"], errors.Keys);
    }

    [Fact]
    public void CheckApply_NullItem_ErrorsNamingTheItem()
    {
        var (_, errors, _) = InventoryInput.CheckApply(new ApplyRequest("order-1", [new ApplyItem("BOOK-001", 1), null]));

        Assert.Equal(["items[1].sku"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckApply_OrderIdMissing_ErrorsOnOrderId(string? orderId)
    {
        var (_, errors, empty) = InventoryInput.CheckApply(new ApplyRequest(orderId, [new ApplyItem("BOOK-001", 1)]));

        Assert.Equal(["order_id"], errors.Keys);
        Assert.False(empty);
    }

    [Fact]
    public void CheckApply_OrderIdLongerThan128_ErrorsOnOrderId()
    {
        var (_, errors, _) = InventoryInput.CheckApply(new ApplyRequest(new string('x', 129), [new ApplyItem("BOOK-001", 1)]));

        Assert.Equal(["order_id"], errors.Keys);
    }
}
