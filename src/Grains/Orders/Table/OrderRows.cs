using Orleans.Serialization;

namespace K8Shop.Grains.Orders.Table;

/// <summary>An order table row's state in Orleans' binary format, as both tables store it.</summary>
public static class OrderRows
{
    public static byte[] Encode(this Serializer<OrderState> serializer, OrderState order) => serializer.SerializeToArray(order);

    public static OrderState Decode(this Serializer<OrderState> serializer, byte[] state, string orderId) =>
        serializer.Deserialize(state) ?? throw new InvalidDataException($"order {orderId}: its stored state reads as nothing");
}
