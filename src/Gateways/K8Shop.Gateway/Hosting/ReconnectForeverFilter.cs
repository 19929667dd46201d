using Microsoft.Extensions.Logging;

namespace K8Shop.Gateway.Hosting;

/// <summary>
/// Keeps trying to reach the cluster at start instead of failing the process: a gateway started before its silos
/// (or during a rollout) stays alive, answers /health/live, and reports not ready until a silo accepts it.
/// </summary>
public sealed partial class ReconnectForeverFilter(ILogger<ReconnectForeverFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        // Once at the first failure, then every 30 attempts: enough to see why, not a line per second.
        if (attempt == 1 || attempt % 30 == 0)
            LogRetrying(attempt, exception.GetType().Name, exception.Message);
        try
        {
            await Task.Delay(Delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo accepted the gateway yet (attempt {Attempt}, {ExceptionType}: {Reason}); retrying every second, /health/ready is 503 meanwhile")]
    private partial void LogRetrying(int attempt, string exceptionType, string reason);
}
