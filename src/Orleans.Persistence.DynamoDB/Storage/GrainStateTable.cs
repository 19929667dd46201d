using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Orleans.Persistence.DynamoDB;

/// <summary>Creates the grain state table when it is missing and waits, bounded, until it is ACTIVE.</summary>
internal sealed partial class GrainStateTable(IAmazonDynamoDB client, string tableName, ILogger logger)
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        var table = await DescribeAsync(cancellationToken);
        if (table is null)
        {
            LogCreatingTable(tableName);
            try
            {
                await client.CreateTableAsync(CreateRequest(), cancellationToken);
            }
            catch (ResourceInUseException)
            {
                LogTableCreatedElsewhere(tableName);
            }
        }
        else
        {
            CheckKeySchema(table);
        }

        if (table?.TableStatus != TableStatus.ACTIVE)
        {
            await WaitUntilActiveAsync(cancellationToken);
        }
    }

    private async Task<TableDescription?> DescribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private CreateTableRequest CreateRequest() => new()
    {
        TableName = tableName,
        AttributeDefinitions =
        [
            new AttributeDefinition { AttributeName = GrainStateItem.GrainKey, AttributeType = ScalarAttributeType.S },
            new AttributeDefinition { AttributeName = GrainStateItem.StateName, AttributeType = ScalarAttributeType.S },
        ],
        KeySchema =
        [
            new KeySchemaElement { AttributeName = GrainStateItem.GrainKey, KeyType = KeyType.HASH },
            new KeySchemaElement { AttributeName = GrainStateItem.StateName, KeyType = KeyType.RANGE },
        ],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    };

    private async Task WaitUntilActiveAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        LogWaitingForTable(tableName, ActiveTimeout.TotalSeconds);
        while (true)
        {
            var table = await DescribeAsync(cancellationToken);
            if (table?.TableStatus == TableStatus.ACTIVE)
            {
                CheckKeySchema(table);
                LogTableActive(tableName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > ActiveTimeout)
            {
                throw new TimeoutException(
                    $"DynamoDB table '{tableName}' was not ACTIVE within {ActiveTimeout.TotalSeconds} s (status: {table?.TableStatus?.Value ?? "not found"}).");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private void CheckKeySchema(TableDescription table)
    {
        var keys = table.KeySchema ?? [];
        var expected = keys.Count == 2
            && keys.Any(k => k.AttributeName == GrainStateItem.GrainKey && k.KeyType == KeyType.HASH)
            && keys.Any(k => k.AttributeName == GrainStateItem.StateName && k.KeyType == KeyType.RANGE);
        if (!expected)
        {
            var actual = string.Join(", ", keys.Select(k => $"{k.AttributeName} ({k.KeyType?.Value})"));
            throw new InvalidOperationException(
                $"DynamoDB table '{tableName}' has key schema [{actual}]; grain storage needs hash key {GrainStateItem.GrainKey} (S) and range key {GrainStateItem.StateName} (S).");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB table {TableName} does not exist; creating it (on-demand billing)")]
    private partial void LogCreatingTable(string tableName);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB table {TableName} is being created by another silo")]
    private partial void LogTableCreatedElsewhere(string tableName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting up to {TimeoutSeconds} s for DynamoDB table {TableName} to become ACTIVE")]
    private partial void LogWaitingForTable(string tableName, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB table {TableName} is ACTIVE after {ElapsedMilliseconds} ms")]
    private partial void LogTableActive(string tableName, double elapsedMilliseconds);
}
