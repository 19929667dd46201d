using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using K8Shop.TestSupport;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>
/// <see cref="Orleans.Persistence.DynamoDB.DynamoDBStorageOptions.CustomizePipeline"/>: a handler placed inside the SDK's
/// retry handler meets every attempt, and an error it raises is retried by the SDK as the service's own would be.
/// </summary>
[Collection(DynamoDBStorageCollection.Name)]
public sealed class PipelineCustomizationTests(DynamoDBStorageFixture fixture)
{
    [DynamoDBFact]
    public async Task Write_ThrottledByAHandlerInsideTheRetryHandler_IsRetriedByTheSdk_ThenStoredOnceTheThrottlingStops()
    {
        var handler = new ThrottleFirstAttempts(2);
        using var storage = fixture.CreateStorage(options => options.CustomizePipeline = pipeline => pipeline.AddHandlerAfter<RetryHandler>(handler));
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<ShelfState>(new ShelfState { Owner = "throttled", Titles = ["a", "b", "c"] });

        await storage.WriteStateAsync("shelf", grainId, state);
        var read = new TestGrainState<ShelfState>();
        await storage.ReadStateAsync("shelf", grainId, read);

        Assert.Equal(3, handler.Writes);
        Assert.Equal(("throttled", 3, "1"), (read.State.Owner, read.State.Titles.Count, read.ETag));
    }

    [DynamoDBFact]
    public async Task Write_ThrottledOnEveryAttempt_FailsWithTheSdksThrottlingException_AfterItsRetries()
    {
        var handler = new ThrottleFirstAttempts(int.MaxValue);
        using var storage = fixture.CreateStorage(options => options.CustomizePipeline = pipeline => pipeline.AddHandlerAfter<RetryHandler>(handler));

        var error = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(
            () => storage.WriteStateAsync("shelf", DynamoDBStorageFixture.NewGrainId(), new TestGrainState<ShelfState>()));

        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorCode);
        Assert.True(handler.Writes > 1, $"the SDK attempted the write {handler.Writes} time(s)");
    }

    /// <summary>Answers the first <paramref name="failures"/> writes as DynamoDB answers throttling; reads pass.</summary>
    private sealed class ThrottleFirstAttempts(int failures) : PipelineHandler
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.OriginalRequest is PutItemRequest && Interlocked.Increment(ref _writes) <= failures)
            {
                throw new ProvisionedThroughputExceededException("throttled by the test", ErrorType.Sender,
                    "ProvisionedThroughputExceededException", "test-request", HttpStatusCode.BadRequest);
            }

            return base.InvokeAsync<T>(executionContext);
        }
    }
}
