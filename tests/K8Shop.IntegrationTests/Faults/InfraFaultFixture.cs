using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Inventory;
using K8Shop.Faults.Switches;
using K8Shop.IntegrationTests.Notifications;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace K8Shop.IntegrationTests.Faults;

/// <summary>
/// One <see cref="InfraFaultHost"/> for the infrastructure fault tests, which run one after another (a switch is cluster
/// wide), each turning its switch off again. A queue of the fixture's own, bound to exchange <c>orders</c> with <c>#</c>,
/// keeps every event the silo published, and a meter listener counts each firing of a switch on this host.
/// </summary>
public sealed class InfraFaultFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The least a wait of <paramref name="latencyMs"/> injected latency is measured at: the injected delay runs on .NET's
    /// timer queue, whose clock is the millisecond tick count, so a Stopwatch can see it end a tick or two early (one
    /// took 1,498.6 ms of 1,500 in CI).
    /// </summary>
    public static TimeSpan AtLeast(int latencyMs) => TimeSpan.FromMilliseconds(latencyMs - 15);

    private readonly string _queue = $"notification-faults-{Guid.NewGuid():N}";
    private readonly string _probeQueue = $"faults-probe-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, long> _injected = new(StringComparer.Ordinal);
    private PostgresDatabase? _database;
    private RabbitMQVirtualHost? _vhost;
    private IConnection? _amqp;
    private IChannel? _channel;
    private MeterListener? _meters;

    public InfraFaultHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Every message the silo published to exchange <c>orders</c>, as the probe queue received it.</summary>
    public ConcurrentQueue<PublishedEvent> Published { get; } = new();

    public string NotificationQueue => _queue;

    public async Task InitializeAsync()
    {
        if (TestServices.NotificationSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("faults");
        _vhost = await RabbitMQVirtualHost.CreateAsync("faults");
        Host = new InfraFaultHost(_database.ConnectionString, _vhost.ConnectionString, _queue);
        Http = Host.CreateClient();
        _ = Host.Server;
        await QueueConsumers.WaitForAsync(_vhost.ConnectionString, _queue, TimeSpan.FromSeconds(90));
        ListenToFaultCounter();

        _amqp = await new ConnectionFactory { Uri = new Uri(_vhost.ConnectionString) }.CreateConnectionAsync();
        _channel = await _amqp.CreateChannelAsync();
        await _channel.QueueDeclareAsync(_probeQueue, durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(_probeQueue, IntegrationEvent.Exchange, "#");
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Published.Enqueue(new PublishedEvent(delivery.BasicProperties.MessageId ?? "", delivery.RoutingKey, delivery.BasicProperties.CorrelationId,
                Encoding.UTF8.GetString(delivery.Body.Span)));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(_probeQueue, autoAck: true, consumer);
    }

    public async Task DisposeAsync()
    {
        _meters?.Dispose();
        if (_channel is not null)
            await _channel.DisposeAsync();
        if (_amqp is not null)
            await _amqp.DisposeAsync();
        Http?.Dispose();
        if (Host is not null)
            await Host.DisposeAsync();
        if (_vhost is not null)
            await _vhost.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    /// <summary>Sets a switch on the cluster's switchboard and waits until this node follows it.</summary>
    public async Task SetAsync(string fault, FaultSetting setting)
    {
        await Grains.GetGrain<IFaultSwitchboardGrain>(IFaultSwitchboardGrain.Key).SetAsync(fault, setting);
        var switches = Host.Services.GetRequiredService<FaultSwitches>();
        await WaitUntilAsync(() => Task.FromResult(switches.IsOn(fault) == setting.Enabled), TimeSpan.FromSeconds(10), $"the node did not follow {fault} => {setting.Enabled}");
    }

    public Task OnAsync(string fault, double probability = 1, int? latencyMs = null, FaultScope? scope = null) =>
        SetAsync(fault, new FaultSetting(true, probability, latencyMs, Scope: scope));

    public Task OffAsync(string fault) => SetAsync(fault, FaultSetting.Off);

    /// <summary>How often <paramref name="fault"/> fired on this host so far (<c>k8shop.faults.injected</c>).</summary>
    public long Injected(string fault) => _injected.GetValueOrDefault(fault);

    public async Task SetStockAsync(string sku, int onHand) => await Grains.GetGrain<IInventorySkuGrain>(sku).SetStockAsync(onHand);

    public async Task<JsonElement> StockAsync(string sku) => await GetJsonAsync($"/inventory/{sku}");

    public Task<HttpResponseMessage> ReserveAsync(string sku, string orderId, int quantity) =>
        Http.PostAsJsonAsync($"/inventory/{sku}/reserve", new { order_id = orderId, qty = quantity, ttl_seconds = 600 });

    public Task<HttpResponseMessage> AddToCartAsync(string user, string sku, int quantity) =>
        Http.PostAsJsonAsync($"/cart/{user}/items", new { productId = sku, quantity, price = 1.0m });

    /// <summary>POST /orders for one line, under an Idempotency-Key of its own.</summary>
    public async Task<HttpResponseMessage> PlaceOrderAsync(string user, string sku, int quantity, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new { userId = user, items = new[] { new { sku, qty = quantity } } }) };
        request.Headers.Add("Idempotency-Key", key ?? $"faults-{Guid.NewGuid():N}");
        return await Http.SendAsync(request);
    }

    public async Task<IReadOnlyList<JsonElement>> OrdersOfAsync(string user)
    {
        var list = await GetJsonAsync($"/orders/user/{user}");
        return [.. list.GetProperty("orders").EnumerateArray()];
    }

    /// <summary>Waits until every order of the user is final (confirmed, rejected or payment failed), no client calling again; answers them.</summary>
    public async Task<IReadOnlyList<JsonElement>> SettledOrdersOfAsync(string user, int expected)
    {
        IReadOnlyList<JsonElement> orders = [];
        await WaitUntilAsync(async () =>
        {
            orders = await OrdersOfAsync(user);
            return orders.Count == expected && orders.All(o => o.GetProperty("status").GetString() is "confirmed" or "rejected" or "payment_failed");
        }, Patience, $"the orders of {user} did not all settle");
        return orders;
    }

    /// <summary>
    /// The invariants after a fault: every order of <paramref name="users"/> is final; the SKU holds nothing reserved, sold
    /// exactly the confirmed orders' units (taken off its stock, never more than it); each confirmed order has one succeeded payment
    /// of its total; each confirmed order's events reached the broker (none lost) and its shopper got one confirmation.
    /// </summary>
    public async Task AssertInvariantsAsync(string sku, int stock, IReadOnlyDictionary<string, int> ordersPerUser)
    {
        var orders = new List<JsonElement>();
        foreach (var (user, count) in ordersPerUser)
            orders.AddRange(await SettledOrdersOfAsync(user, count));
        var confirmed = orders.Where(o => o.GetProperty("status").GetString() == "confirmed").ToList();
        var sold = confirmed.SelectMany(o => o.GetProperty("items").EnumerateArray())
            .Where(i => string.Equals(i.GetProperty("sku").GetString(), sku, StringComparison.OrdinalIgnoreCase))
            .Sum(i => i.GetProperty("quantity").GetInt32());
        JsonElement inventory = default;
        await WaitUntilAsync(async () => (inventory = await StockAsync(sku)).GetProperty("reserved").GetInt32() == 0, Patience, $"{sku} still holds reservations");
        Assert.Equal((stock - sold, 0, sold, stock - sold),
            (inventory.GetProperty("on_hand").GetInt32(), inventory.GetProperty("reserved").GetInt32(),
             (int)inventory.GetProperty("committed").GetInt64(), inventory.GetProperty("available").GetInt32()));
        foreach (var order in confirmed)
        {
            var orderId = order.GetProperty("orderId").GetString()!;
            var payment = await GetJsonAsync($"/payments/{orderId}");
            Assert.Equal("payment.succeeded", payment.GetProperty("status").GetString());
            Assert.Equal(order.GetProperty("total").GetDecimal(), payment.GetProperty("amount").GetDecimal());
            Assert.Equal(order.GetProperty("payment").GetProperty("payment_id").GetString(), payment.GetProperty("payment_id").GetString());
            await WaitUntilAsync(() => Task.FromResult(Published.Any(e => e.CorrelationId == orderId && e.RoutingKey == "orders.order_confirmed")),
                Patience, $"order {orderId}'s order_confirmed never reached the broker");
        }
        foreach (var user in ordersPerUser.Keys)
        {
            var expected = confirmed.Count(o => o.GetProperty("userId").GetString() == user);
            var mail = await SmtpInbox.WaitForAsync($"{user}@example.test", expected, Patience);
            await Task.Delay(200);
            Assert.Equal(expected, (await SmtpInbox.ForAsync($"{user}@example.test")).Count(m => m.Template == "order_confirmed"));
        }
    }

    /// <summary>Publishes an <c>order.confirmed</c> for a user straight to exchange <c>orders</c>, as a silo does; answers its message id.</summary>
    public async Task<string> PublishOrderConfirmedAsync(string user)
    {
        var orderId = Guid.NewGuid().ToString();
        var evt = new OrderEvent
        {
            MessageId = IntegrationEvent.StableMessageId(orderId, "orders.order_confirmed"),
            CorrelationId = orderId,
            OccurredAt = DateTimeOffset.UtcNow,
            Event = "order.confirmed",
            OrderId = orderId,
            UserId = user,
            Status = "confirmed",
            Items = [new OrderEventLine("BOOK-001", 1, 44.95m, 44.95m, "The Pragmatic Programmer")],
            Total = 44.95m,
            ItemCount = 1,
            CreatedAt = DateTimeOffset.UtcNow.ToString("O"),
        };
        var properties = new BasicProperties { MessageId = evt.MessageId, CorrelationId = orderId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await _channel!.BasicPublishAsync(IntegrationEvent.Exchange, "orders.order_confirmed", mandatory: false, properties,
            JsonSerializer.SerializeToUtf8Bytes(evt, evt.GetType()));
        return evt.MessageId;
    }

    /// <summary>Waits for a message on <paramref name="queue"/> (taken off it) and answers its message id.</summary>
    public async Task<string?> TakeFromAsync(string queue, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await _channel!.BasicGetAsync(queue, autoAck: true) is { } message)
                return message.BasicProperties.MessageId;
            await Task.Delay(200);
        }
        return null;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail(failure);
            await Task.Delay(100);
        }
    }

    private void ListenToFaultCounter()
    {
        var scope = Host.Services.GetRequiredService<IMeterFactory>();
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "k8shop.faults.injected" && ReferenceEquals(instrument.Meter.Scope, scope))
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "fault" && tag.Value is string fault)
                    _injected.AddOrUpdate(fault, value, (_, sum) => sum + value);
            }
        });
        _meters.Start();
    }
}

/// <summary>A message seen on exchange <c>orders</c>.</summary>
public sealed record PublishedEvent(string MessageId, string RoutingKey, string? CorrelationId, string Body);

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InfraFaultCollection : ICollectionFixture<InfraFaultFixture>
{
    public const string Name = "infra-faults";
}
