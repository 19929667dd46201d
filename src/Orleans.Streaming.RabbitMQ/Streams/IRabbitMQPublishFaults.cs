namespace Orleans.Streaming.RabbitMQ;

/// <summary>What a fault drill makes of one publish attempt.</summary>
public enum RabbitMQPublishFault
{
    /// <summary>The attempt goes out as usual.</summary>
    None,

    /// <summary>The broker refuses it: the attempt fails exactly as the client reports a negative publisher confirm.</summary>
    Nack,

    /// <summary>The provider's connections are aborted just before the attempt, which then fails on the closed channel.</summary>
    ConnectionDrop,
}

/// <summary>
/// A fault drill's say over publish attempts, looked up in the host's services (none registered: no faults). Each attempt
/// is offered to it, retries included, so the provider's own retry, reconnect and failure paths handle what it injects.
/// </summary>
public interface IRabbitMQPublishFaults
{
    /// <summary>False while no fault can fire: attempts then skip <see cref="DecideAsync"/> altogether.</summary>
    bool AnyActive { get; }

    /// <summary>What happens to the next attempt of a message with this routing key and correlation id.</summary>
    ValueTask<RabbitMQPublishFault> DecideAsync(string routingKey, string? correlationId, CancellationToken cancellationToken);
}
