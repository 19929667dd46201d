using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Checkout;

/// <summary>The cart and order contracts' camelCase JSON (payments name their fields themselves), source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AddCartItemRequest))]
[JsonSerializable(typeof(CartReply))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderReply))]
[JsonSerializable(typeof(OrderListReply))]
[JsonSerializable(typeof(PaymentReply))]
public sealed partial class CheckoutJsonContext : JsonSerializerContext;
