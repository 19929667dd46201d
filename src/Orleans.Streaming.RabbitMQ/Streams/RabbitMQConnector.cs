using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// One lazily opened connection, opened again on the next use after it was lost. The client's automatic recovery is
/// off on purpose: it would bring channels back on its own schedule (and, with quorum queues still electing leaders
/// after a broker restart, hang for its continuation timeout) while the publisher and receivers re-create their
/// channels themselves; one owner of reconnection keeps delivery tags, consumers and shutdown predictable.
/// </summary>
internal sealed partial class RabbitMQConnector(RabbitMQStreamOptions options, string clientName, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: false } lost)
            {
                _connection = null;
                await lost.DisposeAsync();
            }

            if (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(options.ConnectionString!),
                    AutomaticRecoveryEnabled = false,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                    ClientProvidedName = clientName,
                };
                var connection = await factory.CreateConnectionAsync(cancellationToken);
                connection.ConnectionShutdownAsync += (_, reason) =>
                {
                    LogConnectionLost(clientName, reason.ReplyText);
                    return Task.CompletedTask;
                };
                _connection = connection;
                LogConnected(clientName);
            }

            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Aborts the open connection, as a network failure would (a fault drill): its channels close, and the publisher's and
    /// receivers' own recovery opens a new one on next use.
    /// </summary>
    public async Task DropAsync(string reason)
    {
        if (_connection is not { IsOpen: true } open)
        {
            return;
        }

        LogDropping(clientName, reason);
        await open.AbortAsync(Constants.ConnectionForced, reason, TimeSpan.FromSeconds(2));
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            try
            {
                // Bounded, and off this thread: with a channel still waiting for a broker that never answers (a quorum
                // queue recovering after a crash), the client's close and dispose block until the broker gives up.
                await Task.Run(async () =>
                {
                    await connection.CloseAsync(TimeSpan.FromSeconds(2));
                    await connection.DisposeAsync();
                }).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception)
            {
                LogCloseFailed(exception, clientName);
            }
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection {ClientName} lost: {Reason}; it is opened again on next use")]
    private partial void LogConnectionLost(string clientName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aborting RabbitMQ connection {ClientName}: {Reason}")]
    private partial void LogDropping(string clientName, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ connection {ClientName} open")]
    private partial void LogConnected(string clientName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing RabbitMQ connection {ClientName} failed")]
    private partial void LogCloseFailed(Exception exception, string clientName);
}
