using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Silo.Faults;

/// <summary>
/// <c>broker-connection-drop</c> and <c>broker-publish-nack</c> for the events stream provider: each publish attempt asks
/// the switches, and the provider makes a firing a real nack (the client's exception, the publisher's retry, then the
/// outbox's) or a real dropped connection (aborted, then reconnected by the provider). Scope: the node only. Without
/// fault switches in the host (<paramref name="faults"/> null) nothing ever fires.
/// </summary>
public sealed class RabbitMQPublishFaults(IFaultInjector? faults) : IRabbitMQPublishFaults
{
    public bool AnyActive => faults is { AnyActive: true };

    public async ValueTask<RabbitMQPublishFault> DecideAsync(string routingKey, string? correlationId, CancellationToken cancellationToken)
    {
        if (faults is null)
            return RabbitMQPublishFault.None;
        if (await faults.FiresAsync(FaultNames.BrokerConnectionDrop, FaultScope.None, cancellationToken))
            return RabbitMQPublishFault.ConnectionDrop;
        if (await faults.FiresAsync(FaultNames.BrokerPublishNack, FaultScope.None, cancellationToken))
            return RabbitMQPublishFault.Nack;
        return RabbitMQPublishFault.None;
    }
}
