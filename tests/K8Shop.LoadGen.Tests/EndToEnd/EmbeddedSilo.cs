using System.Diagnostics;
using System.Globalization;
using System.Text;
using K8Shop.TestSupport;

namespace K8Shop.LoadGen.Tests.EndToEnd;

/// <summary>
/// The built silo (src/Silo's output for this test's configuration) in its own process, embedded profile, on free
/// ports, with an admin key: the real cart, order saga, payments and inventory behind real sockets.
/// </summary>
public sealed class EmbeddedSilo : IAsyncLifetime
{
    public const string AdminKey = "loadgen-e2e-admin-key";

    private readonly StringBuilder _output = new();
    private Process? _silo;

    public string Url { get; } = $"http://127.0.0.1:{TestPorts.Free()}";

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        var siloDll = BuiltSilo.DllPath;
        var start = new ProcessStartInfo("dotnet", [siloDll])
        {
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["K8Shop__Profile"] = "embedded";
        start.Environment["Kestrel__Endpoints__Http__Url"] = Url;
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{TestPorts.Free()}";
        start.Environment["Orleans__SiloPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture);
        start.Environment["Admin__ApiKey"] = AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _silo = Process.Start(start)!;
        _silo.OutputDataReceived += (_, line) => Append(line.Data);
        _silo.ErrorDataReceived += (_, line) => Append(line.Data);
        _silo.BeginOutputReadLine();
        _silo.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_silo.HasExited)
        {
            try
            {
                if ((await http.GetAsync($"{Url}/orders/healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The silo did not become healthy within 60 s. Its output:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (_silo is { HasExited: false })
        {
            _silo.Kill(entireProcessTree: true);
            await _silo.WaitForExitAsync();
        }
        _silo?.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>src/Silo's build output for the configuration and framework this test assembly was built for.</summary>
}
