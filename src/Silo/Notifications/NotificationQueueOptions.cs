namespace K8Shop.Silo.Notifications;

/// <summary>The RabbitMQ queue notification consumes (cluster profile); section <c>Notifications:Queue</c>.</summary>
public sealed class NotificationQueueOptions
{
    public const string SectionName = "Notifications:Queue";

    /// <summary>The original's queue name.</summary>
    public string Name { get; set; } = "notification-service";

    /// <summary>Where rejected messages and those past the delivery limit go (the original manifests' name); the queue <c>{Name}.dlq</c> keeps them.</summary>
    public string DeadLetterExchange { get; set; } = "orders.dlq";

    /// <summary>Deliveries of one message before it is dead-lettered (RabbitMQ 3.10 has no default).</summary>
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>Messages in flight at once: handled in parallel, each acknowledged after its notification is recorded.</summary>
    public int Prefetch { get; set; } = 64;

    /// <summary>The first wait before reconnecting after the broker went away; doubled up to 30 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public string DeadLetterQueue => Name + ".dlq";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(DeadLetterExchange))
            throw new InvalidOperationException("Notifications:Queue:Name and Notifications:Queue:DeadLetterExchange must not be empty.");
        if (DeliveryLimit is < 1 or > 100 || Prefetch is < 1 or > 1000)
            throw new InvalidOperationException($"Notifications:Queue:DeliveryLimit ({DeliveryLimit}) must be 1-100 and Notifications:Queue:Prefetch ({Prefetch}) 1-1000.");
        if (ReconnectDelay <= TimeSpan.Zero)
            throw new InvalidOperationException("Notifications:Queue:ReconnectDelay must be positive.");
    }
}
