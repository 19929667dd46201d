using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// When a checkout sends its order again, same key and body (which the server answers with the same order): after
/// a 429, a 5xx, a 409 that says when to retry (a concurrent update), a timeout or a broken connection; never after
/// another 4xx, which refused the request as it is.
/// It waits Retry-After when given, else 50 ms doubling, at most <see cref="ClosedLoopDriver.MaxBackoff"/>.
/// </summary>
public static class OrderRetryPolicy
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);

    public static bool IsRetryable(CallFailure failure) => failure.Kind switch
    {
        ErrorKind.Http429 or ErrorKind.Http503 or ErrorKind.Timeout or ErrorKind.Connection => true,
        ErrorKind.HttpOther => failure.StatusCode is null or >= 500 || (failure.StatusCode == 409 && failure.RetryAfter is not null),
        _ => false,
    };

    public static TimeSpan Backoff(CallFailure failure, int attempt)
    {
        var wait = failure.RetryAfter ?? FirstBackoff * Math.Pow(2, Math.Min(attempt, 10));
        return wait < ClosedLoopDriver.MaxBackoff ? wait : ClosedLoopDriver.MaxBackoff;
    }
}
