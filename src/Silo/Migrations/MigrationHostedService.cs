using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace K8Shop.Silo.Migrations;

/// <summary>How long a starting silo waits for PostgreSQL before giving up; bound from section <c>Postgres</c>.</summary>
public sealed class PostgresStartupOptions
{
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Applies migrations before the silo starts (it is registered ahead of Orleans), waiting for a database that
/// is still starting and saying so in the log, then failing with what to do next.
/// </summary>
public sealed partial class MigrationHostedService(MigrationRunner runner, IOptions<PostgresStartupOptions> options, ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.StartupTimeout;
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(ex => ex is not PostgresException).Handle<TimeoutException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    LogWaiting(args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(timeout)
            .Build();
        try
        {
            await pipeline.ExecuteAsync(async token => await runner.ApplyAsync(token), cancellationToken);
        }
        catch (Exception ex) when (ex is Polly.Timeout.TimeoutRejectedException or NpgsqlException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not accept the catalog migrations within {timeout.TotalSeconds:0} s ({ex.Message}). " +
                "Check ConnectionStrings:Postgres, or start the local services with 'scripts/dev-services.sh up'.", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for PostgreSQL (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string? reason);
}
