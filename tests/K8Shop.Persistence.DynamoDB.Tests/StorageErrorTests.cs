using Amazon.DynamoDBv2.Model;
using K8Shop.TestSupport;
using Microsoft.Extensions.Logging;

namespace K8Shop.Persistence.DynamoDB.Tests;

[Collection(DynamoDBStorageCollection.Name)]
public sealed class StorageErrorTests(DynamoDBStorageFixture fixture)
{
    private const string SecretKey = "do-not-log-this-secret";

    [DynamoDBFact]
    public async Task Write_ToAMissingTable_PropagatesTheSdkErrorAndLogsGrainAndStateWithoutCredentials()
    {
        using var storage = fixture.CreateStorage(options =>
        {
            options.TableName = $"k8shop-missing-{Guid.NewGuid():N}";
            options.AccessKey = "local";
            options.SecretKey = SecretKey;
        });
        var grainId = DynamoDBStorageFixture.NewGrainId();

        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => storage.WriteStateAsync("shelf-error", grainId, new TestGrainState<ShelfState>()));

        var logged = Assert.Single(fixture.Logs.Logs, log => log.Message.Contains(grainId.ToString(), StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("shelf-error", logged.Message);
        Assert.IsType<ResourceNotFoundException>(logged.Exception);
        Assert.DoesNotContain(fixture.Logs.Logs, log => log.Message.Contains(SecretKey, StringComparison.Ordinal));
    }

    [DynamoDBFact]
    public async Task Read_FromAMissingTable_PropagatesTheSdkError()
    {
        using var storage = fixture.CreateStorage(options => options.TableName = $"k8shop-missing-{Guid.NewGuid():N}");

        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => storage.ReadStateAsync("shelf", DynamoDBStorageFixture.NewGrainId(), new TestGrainState<ShelfState>()));
    }
}
