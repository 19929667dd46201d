using System.Text;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Runtime;
using RabbitMQ.Client;

namespace K8Shop.Streaming.RabbitMQ.Tests;

[Collection(RabbitMQStreamsCollection.Name)]
public sealed class PoisonMessageTests(RabbitMQStreamsFixture fixture)
{
    [RabbitMQFact]
    public async Task EventEverySubscriberFails_IsDeadLetteredAfterTheDeliveryLimit_AndNotRedeliveredAgain()
    {
        var id = $"poison-{Guid.NewGuid():N}";

        await fixture.Cluster.Client.GetStreamProvider(TestStreams.Provider)
            .GetStream<PoisonEvent>(StreamId.Create(TestStreams.Poison, id)).OnNextAsync(new PoisonEvent(id));

        var deadLetter = await fixture.WaitForDeadLetterAsync(id, TimeSpan.FromSeconds(30));
        Assert.NotNull(deadLetter);
        Assert.Equal("delivery_limit", DeathReason(deadLetter));
        var attempts = PoisonGrain.Attempts[id];
        // Each broker delivery is tried by Orleans at least once: the first delivery plus DeliveryLimit redeliveries.
        Assert.True(attempts >= RabbitMQStreamsFixture.DeliveryLimit + 1, $"only {attempts} attempts");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(attempts, PoisonGrain.Attempts[id]);
    }

    [RabbitMQFact]
    public async Task UnreadableBody_InAPartitionQueue_IsDeadLetteredAtOnce()
    {
        var id = $"garbage-{Guid.NewGuid():N}";
        await using var channel = await fixture.CreatePlainChannelAsync();
        var properties = new BasicProperties
        {
            MessageId = id,
            ContentType = "application/json",
            Headers = new Dictionary<string, object?>
            {
                ["orleans-stream-namespace"] = TestStreams.Parcels,
                ["orleans-stream-key"] = id,
                ["orleans-event-type"] = "test.ParcelEvent",
            },
        };

        await channel.BasicPublishAsync(string.Empty, $"{fixture.QueuePrefix}.0", mandatory: true, properties, Encoding.UTF8.GetBytes("{not json"));

        var deadLetter = await fixture.WaitForDeadLetterAsync(id, TimeSpan.FromSeconds(15));
        Assert.NotNull(deadLetter);
        Assert.Equal("rejected", DeathReason(deadLetter));
        Assert.Empty(await fixture.Cluster.Client.GetGrain<IParcelLogGrain>(id).ReceivedAsync());
    }

    private static string? DeathReason(BasicGetResult message) =>
        message.BasicProperties.Headers?.TryGetValue("x-death", out var deaths) == true
        && deaths is IList<object> { Count: > 0 } list && list[0] is IDictionary<string, object> death
        && death.TryGetValue("reason", out var reason) && reason is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : null;
}
