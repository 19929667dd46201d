using K8Shop.Streaming.RabbitMQ.Tests.Grains;
using K8Shop.TestSupport;
using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Streaming.RabbitMQ.Tests;

[Collection(RabbitMQStreamsCollection.Name)]
public sealed class PublishFailureTests(RabbitMQStreamsFixture fixture)
{
    [RabbitMQFact]
    public async Task OnNext_ToExchangeWithNoQueueBound_ThrowsAfterRetriesAsReturned()
    {
        var failure = await PublishAsync(RabbitMQStreamsFixture.UnroutableProvider);

        Assert.Contains("after 3 attempts", failure.Message);
        Assert.Contains("returned as unroutable (312 NO_ROUTE)", failure.Message);
    }

    [RabbitMQFact]
    public async Task OnNext_ToExchangeTheBrokerDoesNotHave_ThrowsAfterRetries()
    {
        var failure = await PublishAsync(RabbitMQStreamsFixture.MissingExchangeProvider);

        Assert.Contains("after 3 attempts", failure.Message);
        Assert.Contains("404", failure.Message);
    }

    private async Task<RabbitMQPublishException> PublishAsync(string provider)
    {
        var stream = fixture.Cluster.Client.GetStreamProvider(provider)
            .GetStream<ParcelEvent>(StreamId.Create(TestStreams.Parcels, Guid.NewGuid().ToString("N")));
        return await Assert.ThrowsAsync<RabbitMQPublishException>(() => stream.OnNextAsync(new ParcelEvent("lost", 0, "nowhere to go")));
    }
}
