using System.Text;
using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;
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
    public async Task PoisonEvent_AmongGoodOnesInItsQueue_IsDeadLettered_WhileTheGoodOnesAreAckedOnce()
    {
        // The good events share the poison's partition queue and channel, so the batched ack of the good ones (one
        // basic.ack with multiple) would settle the poison as delivered if it were sent before the poison's nack.
        var poisonId = $"poison-{Guid.NewGuid():N}";
        var partitions = new HashRingBasedStreamQueueMapper(
            new HashRingStreamQueueMapperOptions { TotalQueueCount = RabbitMQStreamsFixture.PartitionCount }, TestStreams.Provider);
        var queue = partitions.GetQueueForStream(StreamId.Create(TestStreams.Poison, poisonId));
        var keys = Enumerable.Range(0, 1000).Select(i => $"parcel-{i}-{Guid.NewGuid():N}")
            .Where(key => partitions.GetQueueForStream(StreamId.Create(TestStreams.Parcels, key)).Equals(queue))
            .Take(2).ToArray();
        var provider = fixture.Cluster.Client.GetStreamProvider(TestStreams.Provider);

        async Task SendParcels(int from, int count)
        {
            foreach (var key in keys)
            {
                var stream = provider.GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, key));
                for (var sequence = from; sequence < from + count; sequence++)
                {
                    await stream.OnNextAsync(new ParcelEvent(key, sequence, "in transit"));
                }
            }
        }

        await SendParcels(0, 10);
        await provider.GetStream<PoisonEvent>(StreamId.Create(TestStreams.Poison, poisonId)).OnNextAsync(new PoisonEvent(poisonId));
        await SendParcels(10, 10);

        var deadLetter = await fixture.WaitForDeadLetterAsync(poisonId, TimeSpan.FromSeconds(30));
        Assert.NotNull(deadLetter);
        Assert.Equal("delivery_limit", DeathReason(deadLetter));
        Assert.True(PoisonGrain.Attempts[poisonId] >= RabbitMQStreamsFixture.DeliveryLimit + 1, $"only {PoisonGrain.Attempts[poisonId]} attempts");
        var expected = Enumerable.Range(0, 20).ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(expected, await Eventually.CountAsync(() => fixture.Cluster.Client.GetGrain<IParcelLogGrain>(key).ReceivedAsync(), expected.Length));
        }

        // Acked, so never delivered again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var key in keys)
        {
            Assert.Equal(expected, await fixture.Cluster.Client.GetGrain<IParcelLogGrain>(key).ReceivedAsync());
        }
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
