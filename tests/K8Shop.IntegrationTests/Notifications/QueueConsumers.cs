using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace K8Shop.IntegrationTests.Notifications;

/// <summary>Asks the broker itself (a passive declare, as any AMQP client can) whether something consumes a queue.</summary>
public static class QueueConsumers
{
    public static async Task WaitForAsync(string connectionString, string queue, TimeSpan timeout)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            // A missing queue closes the channel: a fresh one per look.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount > 0)
                    return;
            }
            catch (OperationInterruptedException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"nothing consumed queue {queue} within {timeout}");
    }
}
