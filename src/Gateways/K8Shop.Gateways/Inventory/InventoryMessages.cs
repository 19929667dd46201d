using System.Text.Json.Serialization;
using K8Shop.Contracts.Inventory;

namespace K8Shop.Gateways.Inventory;

/// <summary>The original's apply request: <c>{"order_id", "items": [{"sku", "qty"}]}</c>.</summary>
public sealed record ApplyRequest(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("items")] List<ApplyItem?>? Items);

public sealed record ApplyItem(
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("qty"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Qty);

/// <summary>The original's apply answer; on failure also why and which SKUs were short.</summary>
public sealed record ApplyResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonPropertyName("skus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Skus = null);

public sealed record ReserveRequest(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("qty"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Qty,
    [property: JsonPropertyName("ttl_seconds"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? TtlSeconds);

public sealed record OrderRequest([property: JsonPropertyName("order_id")] string? OrderId);

public sealed record SetStockRequest(
    [property: JsonPropertyName("stock"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Stock,
    [property: JsonPropertyName("low_stock_threshold"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? LowStockThreshold);

/// <summary>A SKU's stock (snake_case, as the inventory service's other bodies).</summary>
public sealed record InventoryResponse(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("on_hand")] int OnHand,
    [property: JsonPropertyName("reserved")] int Reserved,
    [property: JsonPropertyName("available")] int Available,
    [property: JsonPropertyName("committed")] long Committed,
    [property: JsonPropertyName("low_stock_threshold")] int LowStockThreshold,
    [property: JsonPropertyName("low_stock")] bool LowStock,
    [property: JsonPropertyName("updated_at")] string UpdatedAt)
{
    public static InventoryResponse From(InventoryView v) => new(
        v.Sku, v.OnHand, v.Reserved, v.Available, v.Committed, v.LowStockThreshold, v.LowStock, Catalog.Timestamps.JavaScriptIso(v.UpdatedAt));
}

public sealed record ReservationResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("qty")] int Qty,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonPropertyName("expires_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExpiresAt,
    [property: JsonPropertyName("available")] int Available)
{
    public static ReservationResponse From(ReservationResult r) => r.Status switch
    {
        ReservationStatus.Reserved => new(r.OrderId, r.Sku, r.Quantity, "reserved", null, r.ExpiresAt is { } at ? Catalog.Timestamps.JavaScriptIso(at) : null, r.Available),
        ReservationStatus.Committed => new(r.OrderId, r.Sku, r.Quantity, "committed", null, null, r.Available),
        ReservationStatus.OrderClosed => new(r.OrderId, r.Sku, r.Quantity, "rejected", "order_closed", null, r.Available),
        _ => new(r.OrderId, r.Sku, r.Quantity, "rejected", "out_of_stock", null, r.Available),
    };
}

public sealed record ReservationChangeResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("qty")] int Qty)
{
    public static ReservationChangeResponse From(ReservationChange c) => new(c.OrderId, c.Sku, c.Status switch
    {
        ReservationStatus.Committed => "committed",
        ReservationStatus.Released => "released",
        _ => "not_reserved",
    }, c.Quantity);
}

public sealed record InventoryHealthResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);

/// <summary>The busiest SKUs over the last <c>window_seconds</c>, busiest first.</summary>
public sealed record HotSkusResponse(
    [property: JsonPropertyName("window_seconds")] int WindowSeconds,
    [property: JsonPropertyName("skus")] IReadOnlyList<HotSkuResponse> Skus)
{
    public static HotSkusResponse From(HotSkuList list) => new(
        (int)list.Window.TotalSeconds,
        [.. list.Skus.Select(s => new HotSkuResponse(
            s.Sku, s.Requests, Math.Round(s.Requests / list.Window.TotalSeconds, 1), s.Rejected, s.Available, s.Reserved, s.LowStock,
            Catalog.Timestamps.JavaScriptIso(s.LastSeen)))]);
}

public sealed record HotSkuResponse(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("available")] int Available,
    [property: JsonPropertyName("reserved")] int Reserved,
    [property: JsonPropertyName("low_stock")] bool LowStock,
    [property: JsonPropertyName("last_seen")] string LastSeen);
