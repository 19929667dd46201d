using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;

namespace K8Shop.Silo.Faults;

/// <summary>
/// <c>dynamodb-throttling</c> and <c>dynamodb-latency</c> inside the inventory's DynamoDB client, just inside its retry
/// handler: every attempt of a write (put, update, delete; reads pass) may wait, or fail with the SDK's own
/// <see cref="ProvisionedThroughputExceededException"/> as the service's answer would come, so the SDK retries it with its
/// throttling backoff and the storage, the grain and the gateway handle what is left exactly as they handle real throttling.
/// Scope: the SKU, read from the item's key (<c>{serviceId}/inventorysku/{SKU}</c>).
/// </summary>
public sealed class InventoryWriteFaultHandler(IFaultInjector faults) : PipelineHandler
{
    private const string GrainKeyAttribute = "GrainKey";

    public const string ThrottlingMessage =
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        if (!faults.AnyActive || KeyOf(executionContext.RequestContext.OriginalRequest) is not { } key)
            return base.InvokeAsync<T>(executionContext);
        return InjectThenInvokeAsync<T>(executionContext, FaultScope.ForSku(SkuOf(key)));
    }

    private async Task<T> InjectThenInvokeAsync<T>(IExecutionContext executionContext, FaultScope scope)
        where T : AmazonWebServiceResponse, new()
    {
        var cancellationToken = executionContext.RequestContext.CancellationToken;
        await faults.InjectAsync(FaultNames.DynamoDBLatency, scope, cancellationToken: cancellationToken);
        await faults.InjectAsync(FaultNames.DynamoDBThrottling, scope, Throttled, cancellationToken);
        return await base.InvokeAsync<T>(executionContext);
    }

    /// <summary>As the service answers: HTTP 400, sender's fault, the error code the SDK's retry policy counts as throttling.</summary>
    public static ProvisionedThroughputExceededException Throttled() =>
        new(ThrottlingMessage, ErrorType.Sender, nameof(ProvisionedThroughputExceededException), $"fault-drill-{Guid.NewGuid():N}", HttpStatusCode.BadRequest);

    private static string? KeyOf(AmazonWebServiceRequest request) => request switch
    {
        PutItemRequest put => put.Item?.GetValueOrDefault(GrainKeyAttribute)?.S,
        UpdateItemRequest update => update.Key?.GetValueOrDefault(GrainKeyAttribute)?.S,
        DeleteItemRequest delete => delete.Key?.GetValueOrDefault(GrainKeyAttribute)?.S,
        _ => null,
    };

    /// <summary>The grain key's last segment: the SKU of an inventory grain (SKUs hold no '/').</summary>
    private static string SkuOf(string grainKey) => grainKey[(grainKey.LastIndexOf('/') + 1)..];
}
