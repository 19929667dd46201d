using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using K8Shop.TestSupport;
using Orleans;

namespace K8Shop.Persistence.DynamoDB.Tests;

[Collection(DynamoDBStorageCollection.Name)]
public sealed class TableCreationTests(DynamoDBStorageFixture fixture)
{
    [DynamoDBFact]
    public async Task SiloStart_WithCreateTableIfNotExistsAndNoTable_CreatesAnActiveOnDemandTable()
    {
        var tableName = $"k8shop-create-{Guid.NewGuid():N}";
        using var first = fixture.CreateStorage(options => { options.TableName = tableName; options.CreateTableIfNotExists = true; });
        using var second = fixture.CreateStorage(options => { options.TableName = tableName; options.CreateTableIfNotExists = true; });
        try
        {
            // Two silos starting together: one creates the table, the other meets ResourceInUseException and waits.
            await Task.WhenAll(DynamoDBStorageFixture.StartAsync(first), DynamoDBStorageFixture.StartAsync(second));

            var table = (await fixture.Client.DescribeTableAsync(tableName)).Table;
            Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
            Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
            Assert.Equal(
                ["GrainKey:HASH", "StateName:RANGE"],
                table.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}").Order());
            var state = new TestGrainState<CounterState>(new CounterState { Count = 1 });
            await first.WriteStateAsync("counter", DynamoDBStorageFixture.NewGrainId(), state);
            Assert.Equal("1", state.ETag);
        }
        finally
        {
            await fixture.Client.DeleteTableAsync(tableName);
        }
    }

    [DynamoDBFact]
    public async Task SiloStart_WithCreateTableIfNotExistsAndATableOfAnotherKeySchema_FailsNamingTheKeys()
    {
        var tableName = $"k8shop-foreign-{Guid.NewGuid():N}";
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            AttributeDefinitions = [new AttributeDefinition { AttributeName = "pk", AttributeType = ScalarAttributeType.S }],
            KeySchema = [new KeySchemaElement { AttributeName = "pk", KeyType = KeyType.HASH }],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        using var storage = fixture.CreateStorage(options => { options.TableName = tableName; options.CreateTableIfNotExists = true; });
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DynamoDBStorageFixture.StartAsync(storage));

            Assert.Contains("GrainKey", failure.Message);
            Assert.Contains("pk", failure.Message);
        }
        finally
        {
            await fixture.Client.DeleteTableAsync(tableName);
        }
    }
}
