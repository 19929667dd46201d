using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenTelemetry.Trace;

namespace K8Shop.ContractTests.Telemetry;

/// <summary>
/// The real silo host with tracing on (<c>Telemetry:Tracing=true</c>, as an OTLP endpoint would) and an in-memory
/// exporter next to the service defaults' own pipeline. Activity listeners are process-wide, so spans of other hosts
/// in this test process land here too: readers select by trace id.
/// </summary>
public sealed class TracedHost : IAsyncDisposable
{
    private readonly K8ShopHost _host;
    private readonly WebApplicationFactory<Program> _traced;
    private readonly LockedList _spans = new();

    public TracedHost(IDictionary<string, string?> settings)
    {
        settings["Telemetry:Tracing"] = "true";
        settings["Management:Urls"] = "";
        _host = new K8ShopHost(settings.AsReadOnly());
        _traced = _host.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
    }

    public HttpClient CreateClient(bool admin = false)
    {
        var client = _traced.CreateClient();
        if (admin)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
        return client;
    }

    /// <summary>Adds a product, gives the shopper an e-mail address, then places one order under a trace id of the test's own choosing.</summary>
    public async Task<(ActivityTraceId TraceId, JsonElement Order)> CheckoutAsync(string user, string email)
    {
        var sku = $"TRACE-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var created = await CreateClient(admin: true).PostAsJsonAsync("/products", new { sku, title = $"Traced book {sku}", price = 9.5m, stock = 5, tags = new[] { "test" } });
        created.EnsureSuccessStatusCode();
        (await CreateClient().PutAsJsonAsync($"/notifications/{user}/contact", new { email })).EnsureSuccessStatusCode();

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
        {
            Content = JsonContent.Create(new { userId = user, items = new[] { new { sku, qty = 1 } } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (traceId, await response.ReadJsonAsync());
    }

    /// <summary>Waits until the trace holds a span matching each check (by name), then answers the trace's spans; fails naming what is missing.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId traceId, IReadOnlyDictionary<string, Func<Activity, bool>> checks, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var trace = _spans.Snapshot().Where(a => a.TraceId == traceId).ToList();
            var missing = checks.Where(c => !trace.Any(c.Value)).Select(c => c.Key).ToList();
            if (missing.Count == 0)
                return trace;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"trace {traceId} lacks: {string.Join(", ", missing)}. It holds {trace.Count} spans: " +
                    string.Join("; ", trace.Select(a => $"{a.Source.Name} {a.Kind} '{a.DisplayName}'")));
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _traced.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// <summary>The exporter adds from its own threads while the test reads.</summary>
    private sealed class LockedList : ICollection<Activity>
    {
        private readonly List<Activity> _items = [];

        public int Count { get { lock (_items) return _items.Count; } }

        public bool IsReadOnly => false;

        public void Add(Activity item) { lock (_items) _items.Add(item); }

        public void Clear() { lock (_items) _items.Clear(); }

        public bool Contains(Activity item) { lock (_items) return _items.Contains(item); }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }

        public bool Remove(Activity item) { lock (_items) return _items.Remove(item); }

        public List<Activity> Snapshot() { lock (_items) return [.. _items]; }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
