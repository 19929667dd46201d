using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Reviews;
using K8Shop.Grains.Notifications;
using K8Shop.Grains.Reviews;
using K8Shop.IntegrationTests.Notifications;
using K8Shop.Silo.Reviews;
using K8Shop.TestSupport;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace K8Shop.IntegrationTests.Reviews;

/// <summary>
/// Reviews on the real thing: the cluster-profile silo on a database and a RabbitMQ virtual host of this test's own.
/// Shoppers who bought a book (real checkouts) rate it at once through its grain; the summary is the one PostgreSQL's
/// reviews give, and a plain AMQP consumer bound to the <c>reviews</c> exchange gets each event exactly once.
/// </summary>
public sealed class ReviewsClusterTests : IAsyncLifetime
{
    private const int Shoppers = 12;
    private PostgresDatabase? _database;
    private RabbitMQVirtualHost? _vhost;

    public async Task InitializeAsync()
    {
        if (TestServices.NotificationSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("reviews");
        _vhost = await RabbitMQVirtualHost.CreateAsync("reviews");
    }

    public async Task DisposeAsync()
    {
        if (_vhost is not null)
            await _vhost.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [NotificationFact]
    public async Task Concurrent_ratings_by_buyers_are_stored_exactly_and_each_event_reaches_the_reviews_exchange_once()
    {
        await using var host = await new NotificationSiloHost(_database!.ConnectionString, _vhost!.ConnectionString, NotificationRouting.QueueName,
            $"k8shop-reviews-{Guid.NewGuid():N}").StartAsync();
        var grains = host.Grains;
        await using var amqp = await new ConnectionFactory { Uri = new Uri(_vhost.ConnectionString) }.CreateConnectionAsync();
        var received = await ConsumeReviewsExchangeAsync(amqp);
        var sku = (await grains.GetGrain<ICatalogGrain>(0).CreateAsync(
            new ProductDraft($"RVC-{Guid.NewGuid():N}"[..16].ToUpperInvariant(), "Cluster review book", null, 10m, null, [], 1_000, null, null, null))).Sku;
        var buyers = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(async i =>
        {
            var user = $"rv-{i}-{Guid.NewGuid():N}"[..24];
            var order = await grains.GetGrain<IOrderGrain>(OrderIds.New()).PlaceAsync(new PlaceOrder(user, [new OrderLineRequest(sku, 1)], false, null, user));
            Assert.Equal(OrderStatus.Confirmed, order.Status);
            return user;
        }));

        var written = await Task.WhenAll(buyers.Select((user, i) =>
            grains.GetGrain<IBookReviewsGrain>(sku).PutAsync(new ReviewDraft(user, "Reader", 1 + i % 5, "Read it in one sitting."))));
        var hidden = await grains.GetGrain<IReviewDirectoryGrain>(0).SetHiddenAsync(written[0].Review.Id, true);

        var summary = await grains.GetGrain<IBookReviewsGrain>(sku).GetSummaryAsync();
        var expected = buyers.Select((_, i) => 1 + i % 5).Skip(1).ToList();
        Assert.Equal((expected.Count, expected.Sum()), (summary.Count, summary.Sum));
        var (count, sum, stars) = await StoredSummaryAsync(sku);
        Assert.Equal((summary.Count, summary.Sum), (count, sum));
        Assert.Equal(summary.Stars.AsEnumerable(), stars);
        Assert.Equal((summary.Count, summary.Sum), await RecomputedAsync(sku));

        var events = await WaitForAsync(received, Shoppers + 1);
        Assert.Equal(Shoppers, events.Count(e => e.RoutingKey == "review.created"));
        Assert.Equal(hidden.Id.ToString(), Assert.Single(events, e => e.RoutingKey == "review.hidden").Body.GetProperty("reviewId").GetString());
        Assert.Equal(events.Count, events.Select(e => e.MessageId).Distinct().Count());
        Assert.All(events, e => Assert.False(e.Body.TryGetProperty("text", out _)));
        Assert.All(events, e => Assert.Equal(sku, e.Body.GetProperty("sku").GetString()));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM catalog.review_outbox"));
    }

    /// <summary>A queue of the test's own on the <c>reviews</c> exchange, once the silo has declared it.</summary>
    private static async Task<ConcurrentQueue<(string RoutingKey, string MessageId, JsonElement Body)>> ConsumeReviewsExchangeAsync(IConnection amqp)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var probe = await amqp.CreateChannelAsync();
            try
            {
                await probe.ExchangeDeclarePassiveAsync(ReviewsExchangeBinding.Exchange);
                break;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
        var channel = await amqp.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, ReviewsExchangeBinding.Exchange, "review.#");
        var received = new ConcurrentQueue<(string, string, JsonElement)>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.Enqueue((delivery.RoutingKey, delivery.BasicProperties.MessageId ?? "", JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return received;
    }

    private static async Task<List<(string RoutingKey, string MessageId, JsonElement Body)>> WaitForAsync(
        ConcurrentQueue<(string, string, JsonElement)> received, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        // Long enough for a duplicate to show up.
        await Task.Delay(1_500);
        return [.. received];
    }

    private async Task<(int, int, int[])> StoredSummaryAsync(string sku)
    {
        await using var data = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = data.CreateCommand("SELECT rating_count, rating_sum, stars FROM catalog.book_ratings WHERE sku = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sku });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<int[]>(2));
    }

    private async Task<(int, int)> RecomputedAsync(string sku)
    {
        await using var data = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = data.CreateCommand("SELECT count(*)::int, coalesce(sum(rating), 0)::int FROM catalog.reviews WHERE sku = $1 AND NOT hidden");
        command.Parameters.Add(new NpgsqlParameter { Value = sku });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(_database!.ConnectionString);
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
