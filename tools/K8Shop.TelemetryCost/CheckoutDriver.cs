using System.Globalization;
using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Http;
using OpenTelemetry;

namespace K8Shop.TelemetryCost;

/// <summary>
/// Checkouts as a shopper makes them (one or two books into an empty cart, then the order from the cart), a fixed
/// number of them, started at a fixed rate (an open loop, at most <c>clients</c> at once) or back to back (rate 0). The driver's own HTTP calls run with instrumentation
/// suppressed: in a real deployment the shoppers are other processes, so their client spans are not the silo's cost.
/// </summary>
public sealed class CheckoutDriver(Uri baseAddress, IReadOnlyList<string> skus, int clients, int rate, string runId) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = GatewayHttp.CreateClient(baseAddress, clients, Timeout);
    private int _next;

    /// <summary>Runs <paramref name="count"/> checkouts; answers how many ended confirmed and the failures by kind.</summary>
    public async Task<CheckoutTally> RunAsync(int count)
    {
        var client = new CheckoutClient(_http, Timeout);
        var tally = new CheckoutTally();
        var started = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var suppressed = SuppressInstrumentationScope.Begin();
            for (var i = Interlocked.Increment(ref started); i < count; i = Interlocked.Increment(ref started))
            {
                // The i-th checkout of an open loop starts at i / rate seconds, or as soon as a shopper is free after.
                if (rate > 0 && TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                    await Task.Delay(wait);
                tally.Add(await CheckoutAsync(client, Interlocked.Increment(ref _next)));
            }
        }));
        return tally;
    }

    private async Task<string> CheckoutAsync(CheckoutClient client, int n)
    {
        var user = string.Create(CultureInfo.InvariantCulture, $"cost-{runId}-{n}");
        var random = Random.Shared;
        var lines = 1 + random.Next(2);
        for (var i = 0; i < lines; i++)
        {
            var added = await client.AddToCartAsync(null, user, skus[random.Next(skus.Count)], 1);
            if (added.Failure is { } failure)
                return $"cart: {failure.Kind}";
        }
        var order = await client.PlaceOrderAsync(null, user, null, $"{user}-order");
        return order.Failure is { } orderFailure ? $"order: {orderFailure.Kind}" : order.Reply!.Status;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>How checkouts ended: "confirmed", another order status, or a failure's kind.</summary>
public sealed class CheckoutTally
{
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public void Add(string outcome)
    {
        lock (_outcomes)
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }

    public int Confirmed => Outcomes.GetValueOrDefault("confirmed");

    public IReadOnlyDictionary<string, int> Outcomes
    {
        get { lock (_outcomes) return new Dictionary<string, int>(_outcomes); }
    }
}
