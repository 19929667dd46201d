using System.Diagnostics;
using System.Globalization;
using System.Text;
using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>
/// The built silo (src/Silo's output for this configuration) started as its own process with the cluster profile
/// on the test services, its ports moved by environment variables; killed by its own pid on dispose.
/// </summary>
public sealed class ClusterSiloProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ClusterSiloProcess(Process process, ClusterSiloProcess? samePortsAs)
    {
        _process = process;
        SiloPort = samePortsAs?.SiloPort ?? TestPorts.Free();
        GatewayPort = samePortsAs?.GatewayPort ?? TestPorts.Free();
        HttpPort = samePortsAs?.HttpPort ?? TestPorts.Free();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The REST port (gateway endpoints co-hosted by the silo).</summary>
    public int HttpPort { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a silo. <paramref name="settings"/> adds environment variables; <paramref name="samePortsAs"/> reuses an
    /// earlier silo's ports, as a restarted pod keeps its address (the new generation then supersedes the old at once).
    /// </summary>
    public static ClusterSiloProcess Start(
        string postgres, string serviceId, string clusterId, IReadOnlyDictionary<string, string>? settings = null, ClusterSiloProcess? samePortsAs = null)
    {
        var siloDll = BuiltSilo.DllPath;
        var start = new ProcessStartInfo("dotnet", [siloDll])
        {
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var silo = new ClusterSiloProcess(new Process { StartInfo = start }, samePortsAs);
        var env = start.Environment;
        env["K8Shop__Profile"] = "cluster";
        env["K8Shop__Dashboard"] = "false";
        env["ConnectionStrings__Postgres"] = postgres;
        env["ConnectionStrings__Redis"] = TestServices.RedisConnectionString;
        env["ConnectionStrings__RabbitMQ"] = TestServices.RabbitMQConnectionString;
        env["DynamoDB__ServiceUrl"] = TestServices.DynamoDBServiceUrl;
        env["Orleans__ServiceId"] = serviceId;
        env["Orleans__ClusterId"] = clusterId;
        env["Orleans__SiloPort"] = silo.SiloPort.ToString(CultureInfo.InvariantCulture);
        env["Orleans__GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture);
        env["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{silo.HttpPort}";
        env["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{TestPorts.Free()}";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            env[name] = value;
        silo._process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        silo._process.Start();
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Ends the process at once (SIGKILL), as a crashed node: no shutdown, no goodbye to the cluster.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the REST port answers the orders health route; fails with the silo's output.</summary>
    public async Task WaitUntilServingAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/orders/healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"the silo did not serve within {timeout.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }
}
