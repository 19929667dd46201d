using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Streaming.RabbitMQ.Tests;

/// <summary>What a bound queue receives without a broker (topic matching, as RabbitMQ routes) and which bound queues start at all.</summary>
public sealed class BoundQueueRulesTests
{
    [Theory]
    [InlineData("orders.order_confirmed", "orders.order_confirmed", true)]
    [InlineData("orders.order_confirmed", "orders.order_created", false)]
    [InlineData("inventory.#", "inventory", true)]
    [InlineData("inventory.#", "inventory.low", true)]
    [InlineData("inventory.#", "inventory.low.extra", true)]
    [InlineData("inventory.#", "inventorylow", false)]
    [InlineData("orders.*", "orders.payment_failed", true)]
    [InlineData("orders.*", "orders", false)]
    [InlineData("orders.*", "orders.a.b", false)]
    [InlineData("#", "anything.at.all", true)]
    [InlineData("#.low", "inventory.low", true)]
    [InlineData("*.low", "low", false)]
    public void Matches_FollowsRabbitMQTopicRules(string pattern, string routingKey, bool expected) =>
        Assert.Equal(expected, RabbitMQTopicPattern.Matches(pattern, routingKey));

    [Theory]
    [InlineData("BindingKeys", "at least one non-empty routing key pattern")]
    [InlineData("DeliveryLimit", "at least 1")]
    [InlineData("Consumers", "between 1 and 64")]
    [InlineData("StreamNamespace", "must be 1-200 characters")]
    public void Validate_BadBoundQueue_FailsNamingTheQueueAndSetting(string setting, string reason)
    {
        var queue = new RabbitMQBoundQueueOptions
        {
            Name = "notification-service", StreamNamespace = "notification-service", DeadLetterExchange = "orders.dlq", BindingKeys = ["orders.#"],
        };
        switch (setting)
        {
            case "BindingKeys": queue.BindingKeys = []; break;
            case "DeliveryLimit": queue.DeliveryLimit = 0; break;
            case "Consumers": queue.Consumers = 65; break;
            default: queue.StreamNamespace = ""; break;
        }
        var options = new RabbitMQStreamOptions { ConnectionString = "amqp://guest:guest@127.0.0.1:5672/" };
        options.EventTypes.Add<string>("text");
        options.BoundQueues.Add(queue);

        var failure = Assert.Throws<OrleansConfigurationException>(() => new RabbitMQStreamOptionsValidator(options, "events").ValidateConfiguration());

        Assert.Contains($"RabbitMQStreamOptions.BoundQueues['notification-service'].{setting}", failure.Message);
        Assert.Contains(reason, failure.Message);
    }
}
