using K8Shop.TestSupport;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace K8Shop.Persistence.DynamoDB.Tests.Cluster;

[Collection(DynamoDBStorageCollection.Name)]
public sealed class ClusterStorageTests(DynamoDBStorageFixture fixture)
{
    [DynamoDBFact]
    public async Task PersistentState_InDynamoDBStorage_SurvivesGrainDeactivation()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) => silo.AddDynamoDBGrainStorage(ShelfGrain.StorageName, options =>
        {
            options.TableName = fixture.TableName;
            options.ServiceUrl = TestServices.DynamoDBServiceUrl;
        }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var shelf = cluster.Client.GetGrain<IShelfGrain>(Guid.NewGuid().ToString("N"));

        await shelf.ShelveAsync("Dune");
        await shelf.ShelveAsync("Emma");
        var before = await shelf.ReadAsync();
        await cluster.DeactivateAsync(shelf);
        var after = await shelf.ReadAsync();

        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(["Dune", "Emma"], after.Titles);
        Assert.Equal("2", after.ETag);
        var item = await fixture.GetItemAsync(shelf.GetGrainId(), "s", cluster.Options.ServiceId);
        Assert.NotNull(item);
        Assert.Contains("\"Emma\"", item["State"].S);
    }
}
