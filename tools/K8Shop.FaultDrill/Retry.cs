namespace K8Shop.FaultDrill;

/// <summary>Retries a read or setup call through a cluster that is still recovering (5xx, refused connections).</summary>
public static class Retry
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> call, TimeSpan window, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + window;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsTransient(ex) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public static Task UntilAsync(Func<Task> call, TimeSpan window, CancellationToken cancellationToken) =>
        UntilAsync(async () => { await call(); return true; }, window, cancellationToken);

    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException { StatusCode: null or >= System.Net.HttpStatusCode.InternalServerError } or TaskCanceledException;
}
