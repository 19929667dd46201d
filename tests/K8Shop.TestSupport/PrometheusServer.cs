using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K8Shop.TestSupport;

/// <summary>
/// A real Prometheus (Debian's package, <c>/usr/bin/prometheus</c>) on a free loopback port, scraping the given
/// targets every second from a generated configuration, with its data in a temporary folder; stopped by its own pid.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    /// <summary>Why the Prometheus tests cannot run here (outside CI only: under CI=true a missing binary fails them).</summary>
    public static string? SkipReason => TestServices.IsCi || File.Exists(Binary) ? null : $"{Binary} is not installed (apt-get install prometheus)";

    public Uri BaseAddress { get; }

    private PrometheusServer(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts Prometheus scraping <paramref name="targets"/> (host:port, path /metrics) every <paramref name="interval"/>, and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, TimeSpan interval)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is not installed: scripts/test.sh installs Debian's prometheus package");
        var folder = Directory.CreateTempSubdirectory("k8shop-prometheus-").FullName;
        var seconds = $"{Math.Max(1, (int)interval.TotalSeconds)}s";
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: {seconds}
              evaluation_interval: {seconds}
            scrape_configs:
              - job_name: k8shop
                scrape_interval: {seconds}
                scrape_timeout: {seconds}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """);
        var port = TestPorts.Free();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            $"--config.file={Path.Combine(folder, "prometheus.yml")}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>An instant PromQL query through the HTTP API: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var json = JsonDocument.Parse(await http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}")).RootElement;
        if (json.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"query {promql} failed: {json}");
        return [.. json.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => (
            (IReadOnlyDictionary<string, string>)series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
            double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("-/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"prometheus was not ready within {timeout.TotalSeconds} s (exited: {_process.HasExited}). Its output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans it eventually.
        }
    }
}

/// <summary>A fact that needs Debian's Prometheus: skipped when missing outside CI; under CI=true it runs and fails.</summary>
public sealed class PrometheusFactAttribute : Xunit.FactAttribute
{
    public PrometheusFactAttribute() => Skip = PrometheusServer.SkipReason;
}
