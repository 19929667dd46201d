using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Inventory;

/// <summary>The inventory contract's snake_case JSON, source-generated so the hot path does no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StockLevel))]
[JsonSerializable(typeof(SetStockRequest))]
[JsonSerializable(typeof(ReserveRequest))]
[JsonSerializable(typeof(ReserveReply))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(SettleReply))]
public sealed partial class InventoryJsonContext : JsonSerializerContext;
