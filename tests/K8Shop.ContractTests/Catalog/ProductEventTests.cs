using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace K8Shop.ContractTests.Catalog;

/// <summary>
/// On the cluster profile a product write keeps its event in PostgreSQL with the product (an outbox) and the silo
/// publishes it: a plain AMQP consumer bound to <c>orders</c> receives product.created and product.updated.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class ProductEventTests(CatalogHosts hosts)
{
    public static TheoryData<string> ClusterHost => new(CatalogHosts.Names.Where(n => n == CatalogHosts.Cluster));

    [Theory, MemberData(nameof(ClusterHost))]
    public async Task Creating_and_updating_a_product_publishes_its_events_from_the_outbox(string host)
    {
        await hosts.GetAsync(host);
        var factory = new ConnectionFactory { Uri = new Uri(TestServices.RabbitMQConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "orders", "product.*");
        var received = new ConcurrentQueue<(string Key, JsonElement Body)>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.Enqueue((delivery.RoutingKey, JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

        var sku = await hosts.CreateProductAsync(host, 3, 9.5m, "EVT");
        var (status, _, _) = await hosts.SendAsync(host, HttpMethod.Put, $"/products/{sku}",
            new { sku, title = "Renamed", price = 11.0m, stock = 3, tags = new[] { "test" } }, admin: true);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (received.Count(r => r.Body.GetProperty("sku").GetString() == sku) < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var mine = received.Where(r => r.Body.GetProperty("sku").GetString() == sku).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["product.created", "product.updated"], mine.Select(m => m.Key));
        Assert.Equal("Renamed", mine[1].Body.GetProperty("title").GetString());
        Assert.All(mine, m => Assert.False(string.IsNullOrEmpty(m.Body.GetProperty("message_id").GetString())));
    }
}
