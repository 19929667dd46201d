using System.Text.Json;
using K8Shop.Contracts.Cart;
using K8Shop.Gateways.Cart;

namespace K8Shop.UnitTests.Cart;

public sealed class CartResponseTests
{
    private static string Json(CartView view) => JsonSerializer.Serialize(CartResponse.From(view), JsonSerializerOptions.Web);

    [Fact]
    public void Serialize_MoneyAmounts_WritesThemAsPythonFloats()
    {
        var view = new CartView("user-1",
            [new CartLineView("BOOK-005", 1, 21.00m, 21.00m, "Atomic Habits"), new CartLineView("BOOK-002", 3, 38.50m, 115.50m, null)],
            4, 136.50m);

        var json = Json(view);

        Assert.Equal(
            """{"userId":"user-1","items":[{"productId":"BOOK-005","quantity":1,"price":21.0,"total":21.0,"title":"Atomic Habits"},"""
            + """{"productId":"BOOK-002","quantity":3,"price":38.5,"total":115.5}],"itemCount":4,"subtotal":136.5}""",
            json);
    }

    [Fact]
    public void Serialize_EmptyCart_WritesZeroSubtotalAsFloat()
    {
        var json = Json(new CartView("user-1", [], 0, 0m));

        Assert.Equal("""{"userId":"user-1","items":[],"itemCount":0,"subtotal":0.0}""", json);
    }

    [Fact]
    public void Serialize_TwoDecimalAmount_KeepsBothDigits()
    {
        var json = Json(new CartView("u", [new CartLineView("BOOK-006", 1, 134.85m, 134.85m, null)], 1, 134.85m));

        Assert.Contains("\"price\":134.85,\"total\":134.85}", json, StringComparison.Ordinal);
        Assert.EndsWith("\"subtotal\":134.85}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_PythonFloat_ReadsTheDecimalBack()
    {
        var response = JsonSerializer.Deserialize<CartResponse>(
            """{"userId":"u","items":[{"productId":"A","quantity":2,"price":38.5,"total":77.0}],"itemCount":2,"subtotal":77.0}""",
            JsonSerializerOptions.Web);

        Assert.NotNull(response);
        Assert.Equal(38.5m, Assert.Single(response.Items).Price);
        Assert.Equal(77m, response.Subtotal);
    }

    [Fact]
    public void From_CartView_KeepsItemOrderAndValues()
    {
        var response = CartResponse.From(new CartView("u",
            [new CartLineView("B", 2, 3m, 6m, "Bee"), new CartLineView("A", 1, 5m, 5m, null)], 3, 11m));

        Assert.Equal(["B", "A"], response.Items.Select(i => i.ProductId));
        Assert.Equal(new CartItemResponse("B", 2, 3m, 6m, "Bee"), response.Items[0]);
        Assert.Equal((3, 11m), (response.ItemCount, response.Subtotal));
    }
}
