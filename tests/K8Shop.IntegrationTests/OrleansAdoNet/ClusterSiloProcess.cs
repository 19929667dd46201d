using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>
/// The built silo (src/Silo's output for this configuration) started as its own process with the cluster profile
/// on the test services, its ports moved by environment variables; killed by its own pid on dispose. A port taken
/// before the silo bound it is replaced by a new one (see <see cref="HostProcess"/>).
/// </summary>
public sealed class ClusterSiloProcess : IAsyncDisposable
{
    private readonly HostProcess _host;

    private ClusterSiloProcess(HostProcess host) => _host = host;

    public int SiloPort => _host.Ports.Silo;

    public int GatewayPort => _host.Ports.Gateway;

    /// <summary>The REST port (gateway endpoints co-hosted by the silo).</summary>
    public int HttpPort => _host.Ports.Http;

    public HostPorts Ports => _host.Ports;

    public int Pid => _host.Pid;

    public string Output => _host.Output;

    public bool HasExited => _host.HasExited;

    /// <summary>
    /// Starts a silo. <paramref name="settings"/> adds environment variables; <paramref name="samePortsAs"/> reuses an
    /// earlier silo's ports, as a restarted pod keeps its address (the new generation then supersedes the old at once);
    /// <paramref name="ports"/> gives ports chosen ahead (when the silo's address must be known before it starts: an issuer).
    /// </summary>
    public static ClusterSiloProcess Start(
        string postgres, string serviceId, string clusterId, IReadOnlyDictionary<string, string>? settings = null, ClusterSiloProcess? samePortsAs = null,
        HostPorts? ports = null) =>
        new(HostProcess.Start(BuiltSilo.DllPath, given => Environment(postgres, serviceId, clusterId, settings, given), ports ?? samePortsAs?.Ports));

    /// <summary>The cluster profile on the test services, with this silo's identity and ports, then <paramref name="settings"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment(
        string postgres, string serviceId, string clusterId, IReadOnlyDictionary<string, string>? settings, HostPorts ports)
    {
        var env = new Dictionary<string, string>
        {
            ["K8Shop__Profile"] = "cluster",
            ["K8Shop__Dashboard"] = "false",
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__Redis"] = TestServices.RedisConnectionString,
            ["ConnectionStrings__RabbitMQ"] = TestServices.RabbitMQConnectionString,
            ["DynamoDB__ServiceUrl"] = TestServices.DynamoDBServiceUrl,
            ["Orleans__ServiceId"] = serviceId,
            ["Orleans__ClusterId"] = clusterId,
            // A co-hosted provider of this process alone, as on a developer's machine; ClusterIdentity shares one instead.
            ["Identity__DevelopmentKeys"] = "true",
            ["Identity__RequireHttps"] = "false",
        };
        foreach (var (name, value) in ports.Settings())
            env[name] = value;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            env[name] = value;
        return env;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crashed node: no shutdown, no goodbye to the cluster.</summary>
    public Task CrashAsync() => _host.KillAsync();

    /// <summary>Waits until the REST port answers the orders health route; fails with the silo's output.</summary>
    public Task WaitUntilServingAsync(HttpClient http, TimeSpan timeout) => _host.WaitUntilReadyAsync("/orders/healthz", timeout);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
