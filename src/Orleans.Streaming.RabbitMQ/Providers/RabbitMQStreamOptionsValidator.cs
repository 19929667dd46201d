using System.Text.RegularExpressions;
using Orleans.Runtime;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>Fails the silo's (or client's) start when a RabbitMQ stream provider is misconfigured, naming the setting.</summary>
public sealed partial class RabbitMQStreamOptionsValidator(RabbitMQStreamOptions options, string name) : IConfigurationValidator
{
    public const int MaxPartitionCount = 1024;

    public static IConfigurationValidator Create(IServiceProvider services, string name) =>
        new RabbitMQStreamOptionsValidator(services.GetOptionsByName<RabbitMQStreamOptions>(name), name);

    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Fail(nameof(options.ConnectionString), "is required: an AMQP URI such as amqp://user:password@127.0.0.1:5672/");
        }

        if (!Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            // The URI itself may hold a password: name the setting, never echo it.
            Fail(nameof(options.ConnectionString), "must be an absolute amqp:// or amqps:// URI");
        }

        CheckName(nameof(options.ExchangeName), options.ExchangeName);
        if (options.QueueNamePrefix is not null)
        {
            CheckName(nameof(options.QueueNamePrefix), options.QueueNamePrefix);
        }

        if (options.PartitionCount is < 1 or > MaxPartitionCount)
        {
            Fail(nameof(options.PartitionCount), $"must be between 1 and {MaxPartitionCount}, but is {options.PartitionCount}");
        }

        if (options.PrefetchCount < 1)
        {
            Fail(nameof(options.PrefetchCount), "must be at least 1 (0 would let the broker push an unbounded number of deliveries)");
        }

        if (options.DeliveryLimit < 1)
        {
            Fail(nameof(options.DeliveryLimit), $"must be at least 1, but is {options.DeliveryLimit}");
        }

        if (!Enum.IsDefined(options.QueueType))
        {
            Fail(nameof(options.QueueType), $"must be {nameof(RabbitMQQueueType.Quorum)} or {nameof(RabbitMQQueueType.Classic)}");
        }

        if (options.MaxOutstandingConfirms < 1)
        {
            Fail(nameof(options.MaxOutstandingConfirms), "must be at least 1");
        }

        if (options.NetworkRecoveryInterval <= TimeSpan.Zero)
        {
            Fail(nameof(options.NetworkRecoveryInterval), "must be positive");
        }

        var retry = options.PublishRetry;
        if (retry is null)
        {
            Fail(nameof(options.PublishRetry), "must not be null");
        }

        if (retry.MaxAttempts < 1)
        {
            Fail($"{nameof(options.PublishRetry)}.{nameof(retry.MaxAttempts)}", $"must be at least 1, but is {retry.MaxAttempts}");
        }

        if (retry.InitialDelay < TimeSpan.Zero || retry.MaxDelay < retry.InitialDelay)
        {
            Fail($"{nameof(options.PublishRetry)}.{nameof(retry.InitialDelay)}/{nameof(retry.MaxDelay)}", "must be 0 or more, with MaxDelay at least InitialDelay");
        }

        if (retry.ConfirmTimeout <= TimeSpan.Zero)
        {
            Fail($"{nameof(options.PublishRetry)}.{nameof(retry.ConfirmTimeout)}", "must be positive");
        }

        if (options.EventTypes is null || options.EventTypes.Count == 0)
        {
            Fail(nameof(options.EventTypes), "must register at least one event type (options.EventTypes.Add<T>(alias))");
        }

        if (options.JsonSerializerOptions is null)
        {
            Fail(nameof(options.JsonSerializerOptions), "must not be null");
        }

        ValidateBoundQueues();
    }

    private void ValidateBoundQueues()
    {
        if (options.BoundQueues is null)
        {
            Fail(nameof(options.BoundQueues), "must not be null");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in options.BoundQueues)
        {
            var setting = $"{nameof(options.BoundQueues)}['{queue.Name}']";
            CheckName($"{setting}.{nameof(queue.Name)}", queue.Name);
            CheckName($"{setting}.{nameof(queue.StreamNamespace)}", queue.StreamNamespace);
            CheckName($"{setting}.{nameof(queue.DeadLetterExchange)}", queue.DeadLetterExchange);
            if (!names.Add(queue.Name))
            {
                Fail(setting, "is listed twice");
            }

            if (queue.BindingKeys is not { Count: > 0 } || queue.BindingKeys.Any(string.IsNullOrWhiteSpace))
            {
                Fail($"{setting}.{nameof(queue.BindingKeys)}", "must list at least one non-empty routing key pattern");
            }

            if (queue.DeliveryLimit < 1)
            {
                Fail($"{setting}.{nameof(queue.DeliveryLimit)}", $"must be at least 1, but is {queue.DeliveryLimit}");
            }

            if (queue.PrefetchCount is 0)
            {
                Fail($"{setting}.{nameof(queue.PrefetchCount)}", "must be at least 1 when set");
            }

            if (queue.Consumers is < 1 or > 64)
            {
                Fail($"{setting}.{nameof(queue.Consumers)}", $"must be between 1 and 64, but is {queue.Consumers}");
            }
        }
    }

    private void CheckName(string setting, string? value)
    {
        if (value is null || !NamePattern().IsMatch(value))
        {
            Fail(setting, $"must be 1-200 characters of A-Z, a-z, 0-9, '-', '_', '.' and ':', but is '{value}'");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string setting, string reason) =>
        throw new OrleansConfigurationException(
            $"Invalid configuration for RabbitMQ stream provider '{name}': {nameof(RabbitMQStreamOptions)}.{setting} {reason}.");

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,200}$")]
    private static partial Regex NamePattern();
}
