namespace K8Shop.LoadGen.Inventory;

/// <summary>GET and PUT /inventory/{sku}: one SKU's stock. Only on_hand, reserved and available enter the checks.</summary>
public sealed record StockLevel(
    string Sku, int OnHand, int Reserved, int Available, int Committed, int? LowStockThreshold, bool? LowStock, string? UpdatedAt);

public sealed record SetStockRequest(int Stock);

public sealed record ReserveRequest(string OrderId, int Qty, int? TtlSeconds);

/// <summary>Status "reserved" (with expires_at) or "rejected" (with reason and available).</summary>
public sealed record ReserveReply(string OrderId, string Sku, int Qty, string Status, string? ExpiresAt, string? Reason, int? Available);

public sealed record OrderRequest(string OrderId);

/// <summary>Release answers "released" or "not_reserved"; commit answers "committed" or "not_reserved".</summary>
public sealed record SettleReply(string OrderId, string Sku, string Status);

public static class ReplyStatus
{
    public const string Reserved = "reserved";
    public const string Rejected = "rejected";
    public const string Released = "released";
    public const string Committed = "committed";
    public const string NotReserved = "not_reserved";
}
