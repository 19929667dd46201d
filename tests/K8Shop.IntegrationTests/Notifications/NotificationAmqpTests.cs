using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Notifications;
using K8Shop.Contracts.Orders;
using K8Shop.Grains.Notifications;
using K8Shop.TestSupport;
using RabbitMQ.Client;

namespace K8Shop.IntegrationTests.Notifications;

/// <summary>
/// Notification on the real thing: a plain AMQP client (or a checkout) publishes to exchange <c>orders</c>, the silo's
/// events stream provider consumes the durable queue <c>notification-service</c> and delivers to notification's stream
/// subscriber, the test SMTP server receives the e-mail, PostgreSQL keeps what was sent. Each test has a virtual host
/// of its own, so the queue keeps the original's name.
/// </summary>
public sealed class NotificationAmqpTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _queue = NotificationRouting.QueueName;
    private readonly string _table = $"k8shop-notify-{Guid.NewGuid():N}";
    private PostgresDatabase? _database;
    private RabbitMQVirtualHost? _vhost;
    private IConnection? _amqp;
    private IChannel? _channel;

    public async Task InitializeAsync()
    {
        if (TestServices.NotificationSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("notify");
        _vhost = await RabbitMQVirtualHost.CreateAsync("notify");
        _amqp = await new ConnectionFactory { Uri = new Uri(_vhost.ConnectionString) }.CreateConnectionAsync();
        _channel = await _amqp.CreateChannelAsync();
    }

    public async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.QueueDeleteAsync(_queue);
            await _channel.QueueDeleteAsync(_queue + ".dlq");
            await _channel.DisposeAsync();
        }
        if (_amqp is not null)
            await _amqp.DisposeAsync();
        if (_vhost is not null)
            await _vhost.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [NotificationFact]
    public async Task OrderConfirmed_PublishedTwice_AndRedeliveredToARestartedSilo_SendsExactlyOneEmail()
    {
        var user = $"amqp-{Guid.NewGuid():N}";
        var address = $"{user}@example.test";
        var (messageId, body) = OrderConfirmed(user);

        await using (var first = await NewHost().StartAsync())
        {
            await PublishAsync("orders.order_confirmed", body, messageId);
            await PublishAsync("orders.order_confirmed", body, messageId);
            Assert.Single(await SmtpInbox.WaitForAsync(address, 1, Patience));
            await WaitUntilDrainedAsync();
        }

        // The silo is gone; the same message arrives again and waits in the durable queue for the next one.
        await PublishAsync("orders.order_confirmed", body, messageId);
        await using var second = await NewHost().StartAsync();
        await WaitUntilDrainedAsync();

        var mail = Assert.Single(await SmtpInbox.WaitForAsync(address, 2, TimeSpan.FromSeconds(3)));
        Assert.Equal($"<{NotificationHistory.EmailMessageId(user, messageId)}>", mail.MessageId);
        Assert.Equal("order_confirmed", mail.Template);
        var entry = Assert.Single((await second.Grains.GetGrain<INotificationGrain>(user).ListAsync(0, 10)).Entries);
        Assert.Equal((NotificationStatus.Sent, 1), (entry.Status, entry.Attempts));
    }

    [NotificationFact]
    public async Task Checkouts_WhoseSiloStopsMidStream_EachSendExactlyOneEmail_AfterTheNextSiloConsumesTheRest()
    {
        // More checkouts than the consumer holds at once (prefetch 16), so some are left for the next silo.
        var users = Enumerable.Range(0, 40).Select(i => $"e2e-{i}-{Guid.NewGuid():N}"[..28]).ToArray();

        await using (var first = await NewHost().StartAsync())
        {
            // Real checkouts: their own order and payment grains publish the events through RabbitMQ; the silo
            // stops right after, with some of those events still in the notification queue or in flight.
            await Task.WhenAll(users.Select(user => first.Grains.GetGrain<IOrderGrain>(OrderIds.New())
                .PlaceAsync(new PlaceOrder(user, [new("BOOK-004", 1)], false, null, user))));
        }

        await using var second = await NewHost().StartAsync();
        await WaitUntilDrainedAsync();

        foreach (var user in users)
        {
            await SmtpInbox.WaitForAsync($"{user}@example.test", 1, Patience);
            await Task.Delay(50);
            Assert.Equal("order_confirmed", Assert.Single(await SmtpInbox.ForAsync($"{user}@example.test")).Template);
            var entry = Assert.Single((await second.Grains.GetGrain<INotificationGrain>(user).ListAsync(0, 10)).Entries);
            Assert.Equal((NotificationStatus.Sent, 1), (entry.Status, entry.Attempts));
        }
    }

    [NotificationFact]
    public async Task PoisonMessage_GoesToTheDeadLetterQueue_AndTheProviderConsumesAgainAfterItsConnectionIsKilled()
    {
        await using var host = await NewHost().StartAsync();
        var poison = $"not json {Guid.NewGuid():N}";

        await PublishAsync("orders.order_confirmed", Encoding.UTF8.GetBytes(poison), $"poison-{Guid.NewGuid():N}");
        var dead = await GetFromAsync(_queue + ".dlq");
        await KillConsumerConnectionAsync();
        var user = $"reconnect-{Guid.NewGuid():N}";
        var (messageId, body) = OrderConfirmed(user);
        await PublishAsync("orders.order_confirmed", body, messageId);

        Assert.Equal(poison, dead);
        Assert.Single(await SmtpInbox.WaitForAsync($"{user}@example.test", 1, TimeSpan.FromSeconds(60)));
    }

    [NotificationFact]
    public async Task TheQueue_IsMeasured_ConsumedDeadLetteredAndDepth_AsTheOldConsumerDid()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, long Value, string? Queue, string? Consumer)>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Orleans.Streaming.RabbitMQ.RabbitMQEventMetrics.MeterName)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? queue = null, consumer = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "queue")
                    queue = tag.Value as string;
                else if (tag.Key == "consumer")
                    consumer = tag.Value as string;
            }
            seen.Add((instrument.Name, value, queue, consumer));
        });
        meters.Start();
        await using var host = await NewHost().StartAsync();
        var user = $"metrics-{Guid.NewGuid():N}";
        var (messageId, body) = OrderConfirmed(user);

        await PublishAsync("orders.order_confirmed", Encoding.UTF8.GetBytes("{not json"), $"poison-{Guid.NewGuid():N}");
        await PublishAsync("orders.order_confirmed", body, messageId);
        Assert.Single(await SmtpInbox.WaitForAsync($"{user}@example.test", 1, Patience));
        await GetFromAsync(_queue + ".dlq");
        await Task.Delay(500);
        meters.RecordObservableInstruments();

        Assert.Contains(seen, m => m is ("k8shop.events.consumed", 1, null, NotificationRouting.QueueName));
        Assert.Contains(seen, m => m is ("k8shop.events.dead_lettered", 1, NotificationRouting.QueueName, null));
        Assert.Contains(seen, m => m.Instrument == "k8shop.events.queue.depth" && m.Queue == NotificationRouting.QueueName);
        Assert.Contains(seen, m => m.Instrument == "k8shop.events.queue.depth" && m.Queue == NotificationRouting.QueueName + ".dlq");
    }

    [NotificationFact]
    public async Task AnExternalAmqpClient_SeesTheOriginalQueue_WithItsArgumentsAndBindings_AndCanDeclareItAsBefore()
    {
        await using var host = await NewHost().StartAsync();
        using var http = RabbitMQVirtualHost.ManagementClient();

        // The management API fills in a queue's statistics (its consumers among them) only at its next stats tick, up to
        // 5 s after the consumer started: read until they are there.
        using var queue = await QueueWithStatisticsAsync(http, $"/api/queues/{_vhost!.Name}/notification-service");
        using var bindings = JsonDocument.Parse(await http.GetStringAsync($"/api/queues/{_vhost.Name}/notification-service/bindings"));
        using var deadLetterBindings = JsonDocument.Parse(await http.GetStringAsync($"/api/queues/{_vhost.Name}/notification-service.dlq/bindings"));
        // A plain client declaring the queue as the shop always has (k8s topology.json) is not refused: same arguments.
        await _channel!.QueueDeclareAsync("notification-service", durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = 3,
            ["x-dead-letter-exchange"] = "orders.dlq",
            ["x-dead-letter-routing-key"] = "notification-service",
        });

        var root = queue.RootElement;
        Assert.Equal((true, false, false, 1), (root.GetProperty("durable").GetBoolean(), root.GetProperty("auto_delete").GetBoolean(),
            root.GetProperty("exclusive").GetBoolean(), root.GetProperty("consumers").GetInt32()));
        var arguments = root.GetProperty("arguments");
        Assert.Equal(("quorum", 3, "orders.dlq", "notification-service"),
            (arguments.GetProperty("x-queue-type").GetString(), arguments.GetProperty("x-delivery-limit").GetInt32(),
             arguments.GetProperty("x-dead-letter-exchange").GetString(), arguments.GetProperty("x-dead-letter-routing-key").GetString()));
        Assert.Equal(4, arguments.EnumerateObject().Count());
        var keys = bindings.RootElement.EnumerateArray().Where(b => b.GetProperty("source").GetString() == "orders")
            .Select(b => b.GetProperty("routing_key").GetString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(NotificationRouting.RoutingKeys.Order(StringComparer.Ordinal).ToArray(), keys);
        Assert.Contains("orders.payment_failed", keys);
        Assert.Contains(deadLetterBindings.RootElement.EnumerateArray(),
            b => b.GetProperty("source").GetString() == "orders.dlq" && b.GetProperty("routing_key").GetString() == "notification-service");
    }

    private static async Task<JsonDocument> QueueWithStatisticsAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var queue = JsonDocument.Parse(await http.GetStringAsync(path));
            if (queue.RootElement.TryGetProperty("consumers", out _) || DateTime.UtcNow > deadline)
                return queue;
            queue.Dispose();
            await Task.Delay(250);
        }
    }

    [NotificationFact]
    public async Task OrderConfirmedEvents_AcrossABrokerRestart_EachSendExactlyOneEmail()
    {
        await using var broker = await RabbitMQServerProcess.StartAsync();
        var users = Enumerable.Range(0, 30).Select(i => $"restart-{i}-{Guid.NewGuid():N}"[..28]).ToArray();
        await using var host = await new NotificationSiloHost(_database!.ConnectionString, broker.ConnectionString, _queue, _table).StartAsync();
        await using (var amqp = await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync())
        await using (var confirmed = await amqp.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            // Confirmed, so each is in the quorum queue before the broker goes; some are in the silo's hands when it does.
            foreach (var user in users[..20])
                await PublishOrderConfirmedAsync(confirmed, user);
        }

        await broker.StopAsync();
        await broker.StartAgainAsync();
        await using (var amqp = await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync())
        await using (var confirmed = await amqp.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            // After the restart the provider consumes again by itself; one of the earlier events comes again too.
            foreach (var user in users[20..].Append(users[0]))
                await PublishOrderConfirmedAsync(confirmed, user);
        }

        foreach (var user in users)
            await SmtpInbox.WaitForAsync($"{user}@example.test", 1, TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        foreach (var user in users)
        {
            Assert.Equal("order_confirmed", Assert.Single(await SmtpInbox.ForAsync($"{user}@example.test")).Template);
            var entry = Assert.Single((await host.Grains.GetGrain<INotificationGrain>(user).ListAsync(0, 10)).Entries);
            Assert.Equal(NotificationStatus.Sent, entry.Status);
        }
    }

    /// <summary>The same order.confirmed each time for a user (its message id stable), as a plain client publishes it, awaiting the confirm.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string MessageId, byte[] Body)> Confirmations = new();

    private static async Task PublishOrderConfirmedAsync(IChannel channel, string user)
    {
        var (messageId, body) = Confirmations.GetOrAdd(user, OrderConfirmed);
        var properties = new BasicProperties { MessageId = messageId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(IntegrationEvent.Exchange, "orders.order_confirmed", mandatory: true, properties, body);
    }

    private NotificationSiloHost NewHost() => new(_database!.ConnectionString, _vhost!.ConnectionString, _queue, _table);

    private static (string MessageId, byte[] Body) OrderConfirmed(string user)
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
            Items = [new OrderEventLine("BOOK-001", 2, 44.95m, 89.9m, "The Pragmatic Programmer")],
            Total = 89.9m,
            ItemCount = 2,
            CreatedAt = DateTimeOffset.UtcNow.ToString("O"),
        };
        // As the stream provider publishes: serialized by its runtime type.
        return (evt.MessageId, JsonSerializer.SerializeToUtf8Bytes(evt, evt.GetType()));
    }

    private async Task PublishAsync(string routingKey, byte[] body, string messageId)
    {
        var properties = new BasicProperties { MessageId = messageId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await _channel!.BasicPublishAsync(IntegrationEvent.Exchange, routingKey, mandatory: false, properties, body);
    }

    /// <summary>Waits until the queue holds nothing ready or unacknowledged.</summary>
    private async Task WaitUntilDrainedAsync()
    {
        using var http = RabbitMQVirtualHost.ManagementClient();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            using var queue = JsonDocument.Parse(await http.GetStringAsync($"/api/queues/{_vhost!.Name}/{_queue}"));
            if (queue.RootElement.TryGetProperty("messages", out var messages) && messages.GetInt32() == 0)
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"queue {_queue} did not drain in {Patience}");
    }

    private async Task<string> GetFromAsync(string queue)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await _channel!.BasicGetAsync(queue, autoAck: true) is { } message)
                return Encoding.UTF8.GetString(message.Body.Span);
            await Task.Delay(100);
        }
        throw new TimeoutException($"nothing reached {queue} in {Patience}");
    }

    /// <summary>Closes the stream provider's consuming connection from the broker's side, as a broker restart does.</summary>
    private async Task KillConsumerConnectionAsync()
    {
        using var http = RabbitMQVirtualHost.ManagementClient();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            // The management API lists a new connection after its next statistics round (about 5 s).
            using var connections = JsonDocument.Parse(await http.GetStringAsync("/api/connections"));
            var name = connections.RootElement.EnumerateArray()
                .Where(c => c.GetProperty("vhost").GetString() == _vhost!.Name
                    && c.GetProperty("client_properties").TryGetProperty("connection_name", out var n) && n.GetString() == "orleans-streams:events:consume")
                .Select(c => c.GetProperty("name").GetString())
                .FirstOrDefault();
            if (name is not null)
            {
                (await http.DeleteAsync($"/api/connections/{Uri.EscapeDataString(name)}")).EnsureSuccessStatusCode();
                return;
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the provider's consuming connection on {_vhost!.Name} never showed in the management API");
    }
}
