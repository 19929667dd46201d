using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.Contracts.Faults;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Faults;

/// <summary>In the cluster profile the switchboard lives in PostgreSQL: a switch set on one host is still set when another host starts on the same database.</summary>
public sealed class ClusterFaultSwitchTests
{
    [ClusterFact]
    public async Task A_switch_outlives_the_silo_that_set_it_and_the_next_silo_reports_it_at_start()
    {
        await using var database = await PostgresDatabase.CreateAsync("faults");
        var table = $"k8shop-faults-{Guid.NewGuid():N}";
        await using (var first = ClusterHost(database, table))
        {
            var set = await Admin(first).PutAsJsonAsync($"/admin/faults/{FaultNames.HotSkuDelay}",
                new { enabled = true, latencyMs = 5, scope = new { sku = "BOOK-404" } });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        await using var second = ClusterHost(database, table);
        var faults = JsonDocument.Parse(await Admin(second).GetStringAsync("/admin/faults")).RootElement;
        var hot = faults.GetProperty("faults").EnumerateArray().Single(f => f.GetProperty("name").GetString() == FaultNames.HotSkuDelay);
        var health = await Eventually(async () => JsonDocument.Parse(await second.CreateClient().GetStringAsync("/health")).RootElement,
            h => h.GetProperty("status").GetString() == "Degraded");

        Assert.True(hot.GetProperty("enabled").GetBoolean());
        Assert.Equal(("BOOK-404", 5), (hot.GetProperty("scope").GetProperty("sku").GetString(), hot.GetProperty("latencyMs").GetInt32()));
        Assert.Equal([FaultNames.HotSkuDelay], health.GetProperty("faults").EnumerateArray().Select(f => f.GetString()));
    }

    private static K8ShopHost ClusterHost(PostgresDatabase database, string table) => new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "cluster",
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
        ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
        ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
        ["DynamoDB:TableName"] = table,
        ["Notifications:Queue:Name"] = $"notification-faults-{Guid.NewGuid():N}",
        ["Smtp:Host"] = TestServices.SmtpHost,
        ["Smtp:Port"] = TestServices.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FaultSwitches:RefreshInterval"] = "00:00:00.200",
    });

    private static HttpClient Admin(K8ShopHost host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
        return client;
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }
}
