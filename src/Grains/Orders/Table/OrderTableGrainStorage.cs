using System.Globalization;
using Orleans.Storage;

namespace K8Shop.Grains.Orders.Table;

/// <summary>The order grain's storage: its state is a row of the <see cref="IOrderTable"/>, its ETag the row's version.</summary>
public sealed class OrderTableGrainStorage(IOrderTable table) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await table.ReadAsync(OrderId<T>(grainId));
        grainState.State = stored is null ? (T)(object)new OrderState() : (T)(object)stored.Order;
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = stored is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        long? expected = grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : null;
        var version = await table.WriteAsync(OrderId<T>(grainId), (OrderState)(object)grainState.State!, expected);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Orders are kept: nothing clears one.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException("orders are never deleted from the order table");

    private static string OrderId<T>(GrainId grainId) => typeof(T) == typeof(OrderState)
        ? grainId.Key.ToString()!
        : throw new NotSupportedException($"the order table stores {nameof(OrderState)} only, not {typeof(T).Name} ({grainId})");
}
