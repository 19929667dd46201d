using System.Net;
using System.Text.Json;
using Catalog.V1;
using Grpc.Core;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;
using Npgsql;

namespace K8Shop.ContractTests.Catalog;

/// <summary>A PostgreSQL outage while the host runs: 503 with a reason (never 500), then recovery by itself.</summary>
public sealed class CatalogOutageTests
{
    [ClusterFact]
    public async Task Catalog_DatabaseRefusesConnections_Answers503ThenRecoversOnItsOwn()
    {
        await using var database = await PostgresDatabase.CreateAsync("outage");
        await using var host = new K8ShopHost(new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = "cluster",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
            ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
            ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
            ["DynamoDB:TableName"] = $"k8shop-contract-{Guid.NewGuid():N}",
        });
        var client = host.CreateClient();
        var grpc = new CatalogService.CatalogServiceClient(host.CreateGrpcChannel());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalog/BOOK-001")).StatusCode);

        await SetConnectionLimit(database.Name, 0);
        var product = await client.GetAsync("/catalog/BOOK-001");
        var list = await client.GetAsync("/catalog");
        var health = await client.GetAsync("/healthz");
        var healthJson = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        var rpc = await Assert.ThrowsAsync<RpcException>(() => grpc.ListProductsAsync(new ListProductsRequest()).ResponseAsync);
        await SetConnectionLimit(database.Name, -1);
        var recovered = await client.GetAsync("/catalog/BOOK-001");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (product.StatusCode, list.StatusCode));
        Assert.Equal("catalog unavailable", JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal((false, "error"), (healthJson.GetProperty("ok").GetBoolean(), healthJson.GetProperty("db").GetString()));
        Assert.Equal(StatusCode.Unavailable, rpc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    // A connection limit of 0 refuses every new connection of a non-superuser, as a full or failing server would.
    private static async Task SetConnectionLimit(string database, int limit)
    {
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" CONNECTION LIMIT {limit}", admin);
        await alter.ExecuteNonQueryAsync();
        if (limit == 0)
        {
            await using var kick = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", admin);
            kick.Parameters.Add(new NpgsqlParameter { Value = database });
            await kick.ExecuteNonQueryAsync();
        }
    }
}
