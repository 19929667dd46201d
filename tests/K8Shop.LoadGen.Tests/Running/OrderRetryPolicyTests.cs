using System.Net;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Tests.Running;

public sealed class OrderRetryPolicyTests
{
    public static TheoryData<CallFailure, bool> Failures => new()
    {
        { CallFailure.FromStatus(HttpStatusCode.TooManyRequests, null), true },
        { CallFailure.FromStatus(HttpStatusCode.ServiceUnavailable, null), true },
        { CallFailure.FromStatus(HttpStatusCode.InternalServerError, null), true },
        { CallFailure.Timeout, true },
        { CallFailure.Connection("ConnectionError"), true },
        { CallFailure.FromStatus(HttpStatusCode.Conflict, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1))), true },
        { CallFailure.FromStatus(HttpStatusCode.Conflict, null), false },
        { CallFailure.FromStatus(HttpStatusCode.UnprocessableEntity, null), false },
        { CallFailure.FromStatus(HttpStatusCode.BadRequest, null), false },
        { CallFailure.FromStatus(HttpStatusCode.NotFound, null), false },
        { CallFailure.Invalid("nonsense"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void OnlyFailuresThatMayPassNextTime_AreRetried(CallFailure failure, bool retryable) =>
        Assert.Equal(retryable, OrderRetryPolicy.IsRetryable(failure));

    [Fact]
    public void Backoff_HonoursRetryAfter_UpToTheClosedLoopsLimit_ElseDoublesFrom50ms()
    {
        var shed = Shed(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(300), OrderRetryPolicy.Backoff(shed, 0));
        Assert.Equal(ClosedLoopDriver.MaxBackoff, OrderRetryPolicy.Backoff(Shed(TimeSpan.FromSeconds(30)), 0));
        Assert.Equal(TimeSpan.Zero, OrderRetryPolicy.Backoff(Shed(TimeSpan.Zero), 2));
        Assert.Equal(
            [50, 100, 200, 400, 800, 1000],
            Enumerable.Range(0, 6).Select(attempt => OrderRetryPolicy.Backoff(CallFailure.Timeout, attempt).TotalMilliseconds));
    }

    private static CallFailure Shed(TimeSpan retryAfter) => new(ErrorKind.Http429, 429, retryAfter);
}
