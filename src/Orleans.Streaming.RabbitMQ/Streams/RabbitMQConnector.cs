using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// One lazily opened connection with the client's automatic recovery (which also brings back consumers after a
/// broker restart). The first connect is the provider's own: recovery only starts once a connection existed.
/// </summary>
internal sealed partial class RabbitMQConnector(RabbitMQStreamOptions options, string clientName, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>True while a connection exists but is down and the client is recovering it.</summary>
    public bool IsRecovering => _connection is { IsOpen: false };

    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(options.ConnectionString!),
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = options.NetworkRecoveryInterval,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                    ClientProvidedName = clientName,
                };
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                connection.ConnectionShutdownAsync += (_, reason) =>
                {
                    LogConnectionLost(clientName, reason.ReplyText);
                    return Task.CompletedTask;
                };
                connection.RecoverySucceededAsync += (_, _) =>
                {
                    LogConnectionRecovered(clientName);
                    return Task.CompletedTask;
                };
                _connection = connection;
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            try
            {
                await connection.CloseAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception exception)
            {
                LogCloseFailed(exception, clientName);
            }

            await connection.DisposeAsync();
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection {ClientName} lost: {Reason}; the client reconnects by itself")]
    private partial void LogConnectionLost(string clientName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ connection {ClientName} recovered")]
    private partial void LogConnectionRecovered(string clientName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing RabbitMQ connection {ClientName} failed")]
    private partial void LogCloseFailed(Exception exception, string clientName);
}
