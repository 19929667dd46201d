using Orleans.Runtime;
using Orleans.Streaming.RabbitMQ;

namespace K8Shop.Streaming.RabbitMQ.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Validate_CompleteOptions_Passes() => new RabbitMQStreamOptionsValidator(Valid(), "events").ValidateConfiguration();

    [Theory]
    [InlineData("ConnectionString", "is required")]
    [InlineData("ConnectionString", "amqp:// or amqps://")]
    [InlineData("ExchangeName", "must be 1-200 characters")]
    [InlineData("PartitionCount", "between 1 and 1024")]
    [InlineData("PrefetchCount", "at least 1")]
    [InlineData("DeliveryLimit", "at least 1")]
    [InlineData("QueueType", "Quorum or Classic")]
    [InlineData("PublishRetry.MaxAttempts", "at least 1")]
    [InlineData("PublishRetry.InitialDelay/MaxDelay", "MaxDelay at least InitialDelay")]
    [InlineData("EventTypes", "at least one event type")]
    public void Validate_BadSetting_FailsNamingTheSetting(string setting, string reason)
    {
        var options = Valid();
        Break(options, setting, reason);

        var failure = Assert.Throws<OrleansConfigurationException>(() => new RabbitMQStreamOptionsValidator(options, "events").ValidateConfiguration());

        Assert.Contains($"RabbitMQ stream provider 'events': RabbitMQStreamOptions.{setting}", failure.Message);
        Assert.Contains(reason, failure.Message);
    }

    [Fact]
    public void Validate_ConnectionStringWithPassword_NeverEchoesIt()
    {
        var options = Valid();
        options.ConnectionString = "http://user:s3cret@127.0.0.1:5672/";

        var failure = Assert.Throws<OrleansConfigurationException>(() => new RabbitMQStreamOptionsValidator(options, "events").ValidateConfiguration());

        Assert.DoesNotContain("s3cret", failure.Message);
    }

    private static RabbitMQStreamOptions Valid()
    {
        var options = new RabbitMQStreamOptions { ConnectionString = "amqp://k8shop:k8shop@127.0.0.1:5672/", ExchangeName = "orders" };
        options.EventTypes.Add<string>("text");
        return options;
    }

    private static void Break(RabbitMQStreamOptions options, string setting, string reason)
    {
        switch (setting)
        {
            case "ConnectionString":
                options.ConnectionString = reason == "is required" ? " " : "http://127.0.0.1:5672/";
                break;
            case "ExchangeName":
                options.ExchangeName = "orders with spaces";
                break;
            case "PartitionCount":
                options.PartitionCount = 0;
                break;
            case "PrefetchCount":
                options.PrefetchCount = 0;
                break;
            case "DeliveryLimit":
                options.DeliveryLimit = 0;
                break;
            case "QueueType":
                options.QueueType = (RabbitMQQueueType)7;
                break;
            case "PublishRetry.MaxAttempts":
                options.PublishRetry.MaxAttempts = 0;
                break;
            case "PublishRetry.InitialDelay/MaxDelay":
                options.PublishRetry.InitialDelay = TimeSpan.FromSeconds(5);
                options.PublishRetry.MaxDelay = TimeSpan.FromSeconds(1);
                break;
            case "EventTypes":
                options.EventTypes = new RabbitMQEventTypes();
                break;
        }
    }
}
