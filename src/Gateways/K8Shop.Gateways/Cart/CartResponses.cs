using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using K8Shop.Contracts.Cart;

namespace K8Shop.Gateways.Cart;

/// <summary>A cart line as the original answered it (productId, quantity, price, total), plus the book's title.</summary>
public sealed record CartItemResponse(
    string ProductId,
    int Quantity,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Price,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title);

/// <summary>The original CartResponse: userId, items in the order added, itemCount, subtotal.</summary>
public sealed record CartResponse(
    string UserId,
    IReadOnlyList<CartItemResponse> Items,
    int ItemCount,
    [property: JsonConverter(typeof(PythonFloatConverter))] decimal Subtotal)
{
    public static CartResponse From(CartView cart) => new(
        cart.UserId,
        [.. cart.Items.Select(i => new CartItemResponse(i.ProductId, i.Quantity, i.Price, i.Total, i.Title))],
        cart.ItemCount,
        cart.Subtotal);
}

/// <summary>The cart's health in the original's shape.</summary>
public sealed record CartHealthResponse(
    bool Ok,
    string Backend,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>
/// Writes money as the original Python service did: floats, so a whole amount keeps one decimal (21.0, 0.0)
/// and others are written without trailing zeros (38.5).
/// </summary>
public sealed class PythonFloatConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        var minimal = value / 1.0000000000000000000000000000m;
        var text = minimal.ToString(CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", skipInputValidation: true);
    }
}
