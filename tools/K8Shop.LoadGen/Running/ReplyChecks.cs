using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Running;

/// <summary>Whether a 200 reply answers the request that was sent; one that does not is counted as an invalid reply.</summary>
public static class ReplyChecks
{
    public static bool IsReserveReply(ReserveReply reply, string orderId, string sku, int quantity) =>
        reply.OrderId == orderId && reply.Sku == sku
        && (reply.Status == ReplyStatus.Rejected || (reply.Status == ReplyStatus.Reserved && reply.Qty == quantity));

    public static bool IsSettleReply(SettleReply reply, string orderId, string sku, string doneStatus) =>
        reply.OrderId == orderId && reply.Sku == sku && (reply.Status == doneStatus || reply.Status == ReplyStatus.NotReserved);

    /// <summary>An order reply for this shopper: an id, a status, and lines if it was confirmed.</summary>
    public static bool IsOrderReply(OrderReply reply, string userId) =>
        !string.IsNullOrEmpty(reply.OrderId) && !string.IsNullOrEmpty(reply.Status) && (reply.UserId is null || reply.UserId == userId)
        && (reply.Status != OrderStatus.Confirmed || reply.Items is { Count: > 0 });
}
