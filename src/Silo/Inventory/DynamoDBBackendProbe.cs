using Amazon.DynamoDBv2;
using Amazon.Runtime;
using K8Shop.Grains.Storage;

namespace K8Shop.Silo.Inventory;

/// <summary>Health of the inventory's DynamoDB: the table answers DescribeTable.</summary>
public sealed class DynamoDBBackendProbe(IAmazonDynamoDB client, string tableName) : IBackendProbe
{
    public string Backend => "dynamodb";

    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(tableName, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            return "store unavailable";
        }
    }
}
