using System.Collections.Immutable;
using System.Text.Json;
using K8Shop.Contracts.Events;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;
using Npgsql;

namespace K8Shop.Silo.Catalog;

/// <summary>
/// Publishes the product events the PostgreSQL catalog kept with its writes (<c>catalog.event_outbox</c>), oldest
/// first, and deletes each row only once the broker confirmed it: every committed product write is published at least
/// once, under a message id that does not change. Silos share the table; <c>FOR UPDATE SKIP LOCKED</c> lets each take
/// its own rows.
/// </summary>
public sealed partial class CatalogOutboxPublisher(NpgsqlDataSource dataSource, IClusterClient client, ILogger<CatalogOutboxPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    while (await PublishBatchAsync(stoppingToken) == BatchSize)
                    {
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The rows stay; the next tick tries them again.
                    LogFailed(ex.GetType().Name, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes up to one batch of kept events; answers how many were published and removed.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(long Seq, string Body)>();
        await using (var select = new NpgsqlCommand(
            $"SELECT seq, body::text FROM catalog.event_outbox ORDER BY seq LIMIT {BatchSize} FOR UPDATE SKIP LOCKED", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        if (rows.Count == 0)
            return 0;

        var events = rows.Select(r => (IntegrationEvent)JsonSerializer.Deserialize<ProductEvent>(r.Body)!).ToImmutableArray();
        var (left, failure) = await EventOutbox.PublishAsync(client.GetStreamProvider(EventStreams.ProviderName), events);
        var published = rows.Take(rows.Count - left.Length).Select(r => r.Seq).ToArray();
        await using (var delete = new NpgsqlCommand("DELETE FROM catalog.event_outbox WHERE seq = ANY($1)", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = published });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (failure is not null)
            throw failure;
        return published.Length;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product events not published yet ({ExceptionType}: {Reason}); retrying")]
    private partial void LogFailed(string exceptionType, string reason);
}
