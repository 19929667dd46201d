using System.Collections.Concurrent;
using K8Shop.LoadGen.Inventory;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Running;

/// <summary>The stock of every SKU a scenario touches, set and read before the load and read again after it.</summary>
public static class StockBaseline
{
    private const int Parallelism = 8;

    /// <summary>PUTs each SKU's stock when asked to, then GETs the state the checks start from.</summary>
    public static async Task<IReadOnlyDictionary<string, StockLevel>> PrepareAsync(
        InventoryClient client, IReadOnlyList<string> skus, int? setupStock, IAccessTokenSource? admin, CancellationToken stop)
    {
        var levels = new ConcurrentDictionary<string, StockLevel>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stop };
        await Parallel.ForEachAsync(skus, options, async (sku, cancellation) =>
        {
            if (setupStock is { } stock)
            {
                var set = await client.SetStockAsync(sku, stock, admin!, cancellation);
                if (set.Failure is { } failure)
                    throw new SetupFailedException($"PUT /inventory/{sku} {{\"stock\": {stock}}}: {failure}{SetHint(failure)}");
            }
            var read = await client.GetAsync(sku, cancellation);
            if (read.Failure is { } readFailure)
                throw new SetupFailedException($"GET /inventory/{sku}: {readFailure}{(readFailure.StatusCode == 404 ? " (unknown SKU: --setup-stock creates it)" : "")}");
            levels[sku] = read.Reply!;
        });
        return levels;
    }

    /// <summary>GETs each SKU's final state, retrying a few times so one shed request does not void the check.</summary>
    public static async Task<IReadOnlyDictionary<string, CallResult<StockLevel>>> ReadFinalAsync(InventoryClient client, IReadOnlyList<string> skus)
    {
        var levels = new ConcurrentDictionary<string, CallResult<StockLevel>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (sku, _) =>
        {
            var read = await client.GetAsync(sku);
            for (var attempt = 1; read.Failure is not null && attempt < 3; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
                read = await client.GetAsync(sku);
            }
            levels[sku] = read;
        });
        return levels;
    }

    private static string SetHint(CallFailure failure) => failure.StatusCode switch
    {
        401 => " (the gateway refused the token: does it trust this provider and audience?)",
        403 => " (the admin client's token has no admin role: use the operator client)",
        404 => " (admin routes are off on the gateway)",
        422 => " (below the units currently reserved: release them or set more)",
        _ => "",
    };
}
