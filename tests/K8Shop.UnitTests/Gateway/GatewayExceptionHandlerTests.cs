using System.Text.Json;
using K8Shop.Contracts.Storage;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace K8Shop.UnitTests.Gateway;

/// <summary>Storage failures as the gateway answers them: an outage is 503, a conflict 409, a bug 500 with its trace logged.</summary>
public sealed class GatewayExceptionHandlerTests
{
    private readonly RecordingLogger _log = new();

    [Fact]
    public async Task StoreUnavailable_Answers503WithTheStoresTextAndRetryAfter()
    {
        var (status, body, retryAfter) = await HandleAsync(new StorageUnavailableException("redis", "cart backend unavailable"));

        Assert.Equal((503, "cart backend unavailable", "5"), (status, body.GetProperty("detail").GetString(), retryAfter));
        Assert.Empty(_log.Errors);
    }

    [Fact]
    public async Task VersionConflict_WrappedByTheRuntime_Answers409ConcurrentUpdate_NotAnOutage()
    {
        var conflict = new OrleansException("Error from storage provider during WriteState", new InconsistentStateException("stale write", "2", "1"));

        var (status, body, retryAfter) = await HandleAsync(conflict);

        Assert.Equal((409, "concurrent update", "1"), (status, body.GetProperty("error").GetString(), retryAfter));
        Assert.Empty(_log.Errors);
    }

    [Fact]
    public async Task BugFromStorage_Answers500_AndLogsItWithItsTrace()
    {
        var bug = new OrleansException("Error from storage provider during WriteState", new InvalidOperationException("Sequence contains no elements"));

        var (status, body, retryAfter) = await HandleAsync(bug);

        Assert.Equal((500, "internal error", null), (status, body.GetProperty("error").GetString(), retryAfter));
        var logged = Assert.Single(_log.Errors);
        Assert.IsType<InvalidOperationException>(logged.InnerException);
    }

    private async Task<(int Status, JsonElement Body, string? RetryAfter)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new GatewayExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), _log);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/cart/u1/items";
        context.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        var body = (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return (context.Response.StatusCode, body, retryAfter.Length == 0 ? null : retryAfter);
    }

    private sealed class RecordingLogger : ILogger<GatewayExceptionHandler>
    {
        public List<Exception> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
                Errors.Add(exception);
        }
    }
}
