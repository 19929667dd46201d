using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>What callers see of a stored order: a pure projection, the same from the grain and from the order table.</summary>
public static class OrderViews
{
    /// <summary>The order as it stands.</summary>
    public static OrderView Current(string orderId, OrderState order) => At(orderId, order, order.Timeline.Length, order.Payment);

    /// <summary>The answer the placing request got (or would have got): the order as it stood when it first settled.</summary>
    public static OrderView FirstReply(string orderId, OrderState order) =>
        order.LegacyFirstReply ?? (order.FirstReplyLength > 0 ? At(orderId, order, order.FirstReplyLength, order.FirstReplyPayment) : Current(orderId, order));

    /// <summary>The order as it stood after the first <paramref name="length"/> transitions of its timeline.</summary>
    private static OrderView At(string orderId, OrderState order, int length, OrderPayment? payment)
    {
        var last = order.Timeline[length - 1];
        return new(
            orderId, order.UserId, length == order.Timeline.Length ? order.Status : last.Status, order.Total, order.ItemCount, order.Lines, order.CreatedAt,
            length == order.Timeline.Length ? order.UpdatedAt : last.At,
            payment ?? new OrderPayment(last.Status is OrderStatus.Rejected ? "payment.skipped" : "payment.pending", null, null, null),
            order.Reason, order.ShortSkus, order.Timeline[..length], order.FromCart, order.Shipping);
    }
}
