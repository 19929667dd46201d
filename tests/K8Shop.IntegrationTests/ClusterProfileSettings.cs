using System.Globalization;
using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests;

/// <summary>
/// What the real silo host needs to run the cluster profile on the test services: the datastores, free ports, a cluster
/// (and service) of its own, development signing keys, no dashboard. Each host adds what its tests are about.
/// </summary>
internal static class ClusterProfileSettings
{
    /// <param name="serviceId">The stores' keys carry it; without one, the default service's, so that hosts started one
    /// after another on one database see each other's state.</param>
    public static Dictionary<string, string?> For(string postgres, string rabbitMQ, string queue, string name, string? serviceId = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = "cluster",
            ["K8Shop:Dashboard"] = "false",
            ["Identity:DevelopmentKeys"] = "true",
            ["Identity:RequireHttps"] = "false",
            ["Orleans:SiloPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"{name}-{Guid.NewGuid():N}",
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
            ["ConnectionStrings:RabbitMQ"] = rabbitMQ,
            ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
            ["DynamoDB:TableName"] = $"k8shop-{name}-{Guid.NewGuid():N}",
            ["Smtp:Host"] = TestServices.SmtpHost,
            ["Smtp:Port"] = TestServices.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Queue:Name"] = queue,
        };
        if (serviceId is not null)
            settings["Orleans:ServiceId"] = serviceId;
        return settings;
    }
}
