using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8Shop.LoadGen.Tests.EndToEnd;

/// <summary>What the fake does wrong on purpose.</summary>
public sealed record FakeFaults
{
    /// <summary>Every Nth reserve is shed with 429 before any work.</summary>
    public int ShedEveryNthReserve { get; init; }

    /// <summary>Every Nth mutating call is applied, then answered 503, as if the reply were lost; at most once per order.</summary>
    public int LoseEveryNthReply { get; init; }

    /// <summary>A bug: reserves are granted whatever the stock.</summary>
    public bool IgnoresStock { get; init; }
}

/// <summary>
/// The inventory REST contract on real Kestrel at 127.0.0.1 with an ephemeral port, all arithmetic under one lock,
/// and counters of what it actually did for the tests to compare with the report. A fake token endpoint
/// (<c>/connect/token</c>, client credentials of <see cref="ClientId"/>) issues the one token every stock route wants.
/// </summary>
public sealed class FakeInventoryServer : IAsyncDisposable
{
    public const string ClientId = "fake-operator";
    public const string ClientSecret = "fake-operator-secret";

    /// <summary>A JWT's shape (the tool reads <c>sub</c>), with a signature nobody checks here.</summary>
    public static readonly string IssuedToken =
        $"{Base64Url.EncodeToString("""{"alg":"RS256"}"""u8)}.{Base64Url.EncodeToString("""{"sub":"fake-operator","role":"admin"}"""u8)}.fake";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stock> _stock = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Hold> _holds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ordersWithLostReply = new(StringComparer.Ordinal);
    private readonly FakeFaults _faults;
    private WebApplication? _app;
    private long _reserves;
    private long _mutations;

    private FakeInventoryServer(FakeFaults faults) => _faults = faults;

    public string Url { get; private set; } = "";
    public long Grants { get; private set; }
    public long GrantedUnits { get; private set; }
    public long ReleasedUnits { get; private set; }
    public long CommittedUnits { get; private set; }
    public long Shed { get; private set; }
    public long LostReplies { get; private set; }
    public long TokensIssued { get; private set; }
    public long Unauthorized { get; private set; }

    public static async Task<FakeInventoryServer> StartAsync(FakeFaults? faults = null)
    {
        var server = new FakeInventoryServer(faults ?? new FakeFaults());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        var app = builder.Build();
        app.MapPost("/connect/token", server.IssueToken);
        app.MapGet("/inventory/{sku}", server.Get);
        app.MapPut("/inventory/{sku}", server.Put);
        app.MapPost("/inventory/{sku}/reserve", server.Reserve);
        app.MapPost("/inventory/{sku}/release", server.Release);
        app.MapPost("/inventory/{sku}/commit", server.Commit);
        await app.StartAsync();
        server._app = app;
        server.Url = app.Urls.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private IResult Get(string sku)
    {
        lock (_gate)
            return _stock.TryGetValue(sku, out var stock) ? Results.Ok(stock.View(sku)) : Results.NotFound();
    }

    private IResult IssueToken(HttpRequest request)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (request.Headers.Authorization.ToString() != $"Basic {basic}" || request.Form["grant_type"] != "client_credentials" || request.Form["scope"] != "k8shop")
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        lock (_gate)
            TokensIssued++;
        return Results.Json(new { access_token = IssuedToken, token_type = "Bearer", expires_in = 300 });
    }

    /// <summary>False (and counted) when the request lacks the issued token: stock routes need it.</summary>
    private bool Authorized(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString() == $"Bearer {IssuedToken}")
            return true;
        lock (_gate)
            Unauthorized++;
        return false;
    }

    private IResult Put(string sku, SetStockBody body, HttpRequest request)
    {
        if (!Authorized(request))
            return Results.Unauthorized();
        lock (_gate)
        {
            var stock = _stock.TryGetValue(sku, out var existing) ? existing : _stock[sku] = new Stock();
            if (body.Stock < stock.Reserved)
                return Results.UnprocessableEntity();
            stock.OnHand = body.Stock;
            return Results.Ok(stock.View(sku));
        }
    }

    private IResult Reserve(string sku, ReserveBody body, HttpRequest request, HttpResponse response)
    {
        if (!Authorized(request))
            return Results.Unauthorized();
        lock (_gate)
        {
            if (_faults.ShedEveryNthReserve > 0 && ++_reserves % _faults.ShedEveryNthReserve == 0)
            {
                Shed++;
                response.Headers.RetryAfter = "0";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }
            if (!_stock.TryGetValue(sku, out var stock))
                return Results.NotFound();
            if (_holds.TryGetValue(body.OrderId, out var held))
                return LoseReply(body.OrderId) ?? Results.Ok(Granted(body.OrderId, held.Sku, held.Qty));
            if (stock.Available < body.Qty && !_faults.IgnoresStock)
                return Results.Ok(new { order_id = body.OrderId, sku, qty = body.Qty, status = "rejected", reason = "out_of_stock", available = stock.Available });
            stock.Reserved += body.Qty;
            _holds[body.OrderId] = new Hold(sku, body.Qty);
            Grants++;
            GrantedUnits += body.Qty;
            return LoseReply(body.OrderId) ?? Results.Ok(Granted(body.OrderId, sku, body.Qty));
        }
    }

    private IResult Release(string sku, OrderBody body, HttpRequest request)
    {
        if (!Authorized(request))
            return Results.Unauthorized();
        lock (_gate)
        {
            if (!_holds.Remove(body.OrderId, out var held))
                return Results.Ok(new { order_id = body.OrderId, sku, status = "not_reserved" });
            _stock[held.Sku].Reserved -= held.Qty;
            ReleasedUnits += held.Qty;
            return LoseReply(body.OrderId) ?? Results.Ok(new { order_id = body.OrderId, sku, status = "released" });
        }
    }

    private IResult Commit(string sku, OrderBody body, HttpRequest request)
    {
        if (!Authorized(request))
            return Results.Unauthorized();
        lock (_gate)
        {
            if (!_holds.Remove(body.OrderId, out var held))
                return Results.Ok(new { order_id = body.OrderId, sku, status = "not_reserved" });
            var stock = _stock[held.Sku];
            stock.Reserved -= held.Qty;
            stock.OnHand -= held.Qty;
            stock.Committed += held.Qty;
            CommittedUnits += held.Qty;
            return LoseReply(body.OrderId) ?? Results.Ok(new { order_id = body.OrderId, sku, status = "committed" });
        }
    }

    /// <summary>Called under the lock after the work is done: 503 instead of the reply, once per order at most.</summary>
    private IResult? LoseReply(string orderId)
    {
        if (_faults.LoseEveryNthReply == 0 || ++_mutations % _faults.LoseEveryNthReply != 0 || !_ordersWithLostReply.Add(orderId))
            return null;
        LostReplies++;
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static object Granted(string orderId, string sku, int qty) =>
        new { order_id = orderId, sku, qty, status = "reserved", expires_at = DateTimeOffset.UtcNow.AddHours(1) };

    public sealed record SetStockBody(int Stock);

    public sealed record ReserveBody(string OrderId, int Qty, int? TtlSeconds);

    public sealed record OrderBody(string OrderId);

    private sealed record Hold(string Sku, int Qty);

    private sealed class Stock
    {
        public int OnHand { get; set; }
        public int Reserved { get; set; }
        public int Committed { get; set; }
        public int Available => OnHand - Reserved;

        public object View(string sku) => new
        {
            sku,
            on_hand = OnHand,
            reserved = Reserved,
            available = Available,
            committed = Committed,
            low_stock_threshold = 5,
            low_stock = Available <= 5,
            updated_at = DateTimeOffset.UtcNow,
        };
    }
}
