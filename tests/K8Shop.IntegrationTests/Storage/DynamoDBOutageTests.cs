using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using K8Shop.Silo.Storage;
using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.Storage;

/// <summary>The AWS SDK's errors against dynalite, or an endpoint that is not there: only transport errors are an outage here.</summary>
public sealed class DynamoDBOutageTests
{
    [DynamoDBFact]
    public async Task NobodyListening_ConnectionRefused_IsAnOutage()
    {
        using var client = Client($"http://127.0.0.1:{TestPorts.Free()}");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.DescribeTableAsync("k8shop-outage"));

        Assert.True(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    [DynamoDBFact]
    public async Task EndpointThatAcceptsButNeverAnswers_TimesOut_IsAnOutage()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var connection = silent.AcceptTcpClientAsync();
        using var client = Client($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.DescribeTableAsync("k8shop-outage"));
        (await connection).Dispose();

        Assert.True(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    [DynamoDBFact]
    public async Task TableThatDoesNotExist_IsABugNotAnOutage()
    {
        using var client = Client(TestServices.DynamoDBServiceUrl);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeTableAsync($"k8shop-missing-{Guid.NewGuid():N}"));

        Assert.False(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    [DynamoDBFact]
    public async Task RequestTheServiceRefusesAsInvalid_IsABugNotAnOutage()
    {
        using var client = Client(TestServices.DynamoDBServiceUrl);

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => client.DescribeTableAsync("x"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(DatastoreOutage.IsOutage(error), PostgresOutageTests.Describe(error));
    }

    private static AmazonDynamoDBClient Client(string serviceUrl) => new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = "us-east-1",
        Timeout = TimeSpan.FromSeconds(1),
        MaxErrorRetry = 0,
    });
}
