using System.Text;
using System.Text.Json;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Runtime;
using RabbitMQ.Client;

namespace K8Shop.Streaming.RabbitMQ.Tests;

[Collection(RabbitMQStreamsCollection.Name)]
public sealed class PlainAmqpConsumerTests(RabbitMQStreamsFixture fixture)
{
    [RabbitMQFact]
    public async Task PlainConsumer_BoundByRoutingKey_ReceivesTheEventsJsonWithMessageAndCorrelationIds()
    {
        await using var channel = await fixture.CreatePlainChannelAsync();
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, fixture.Exchange, "parcels.parcelevent");
        var key = $"plain-{Guid.NewGuid():N}";
        var parcel = new ParcelEvent(key, 7, "café ☕ \"quoted\"");

        await fixture.Cluster.Client.GetStreamProvider(TestStreams.Provider)
            .GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, key)).OnNextAsync(parcel);

        BasicGetResult? message = null;
        for (var i = 0; i < 50 && message is null; i++)
        {
            message = await channel.BasicGetAsync(queue, autoAck: true) ?? await Delay();
        }

        Assert.NotNull(message);
        Assert.Equal("parcels.parcelevent", message.RoutingKey);
        Assert.Equal(JsonSerializer.Serialize(parcel), Encoding.UTF8.GetString(message.Body.Span));
        var properties = message.BasicProperties;
        Assert.Equal($"{key}-7", properties.MessageId);
        Assert.Equal(key, properties.CorrelationId);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(DeliveryModes.Persistent, properties.DeliveryMode);
        Assert.Equal("test.ParcelEvent", Header(properties, "orleans-event-type"));
        Assert.Equal(TestStreams.Parcels, Header(properties, "orleans-stream-namespace"));
        Assert.Equal(key, Header(properties, "orleans-stream-key"));
    }

    private static async Task<BasicGetResult?> Delay()
    {
        await Task.Delay(100);
        return null;
    }

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
}
