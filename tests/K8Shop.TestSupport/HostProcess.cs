using System.Diagnostics;
using System.Text;

namespace K8Shop.TestSupport;

/// <summary>
/// A built K8Shop host (silo or gateway dll) run as its own process on loopback ports, its output captured, ended by
/// its own pid. A port from <see cref="TestPorts.Free"/> can be taken by another process before the child binds it;
/// when the child exits saying so, <see cref="WaitUntilReadyAsync"/> starts it again on new ports (unless the ports
/// were pinned, as a restarted node keeps its address).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const int MaxBindAttempts = 4;

    private readonly string _dllPath;
    private readonly Func<HostPorts, IEnumerable<KeyValuePair<string, string>>> _environment;
    private readonly bool _pinned;
    private readonly StringBuilder _output = new();
    private Process _process = null!;
    private int _attempts;

    private HostProcess(string dllPath, Func<HostPorts, IEnumerable<KeyValuePair<string, string>>> environment, HostPorts? ports, bool pinPorts)
    {
        _dllPath = dllPath;
        _environment = environment;
        _pinned = ports is not null && pinPorts;
        Ports = ports ?? HostPorts.Free();
    }

    public HostPorts Ports { get; private set; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>
    /// Starts the dll with <paramref name="environment"/> (given this attempt's ports). <paramref name="ports"/> are the
    /// first attempt's, kept for every attempt unless <paramref name="pinPorts"/> is false.
    /// </summary>
    public static HostProcess Start(
        string dllPath, Func<HostPorts, IEnumerable<KeyValuePair<string, string>>> environment, HostPorts? ports = null, bool pinPorts = true)
    {
        var host = new HostProcess(dllPath, environment, ports, pinPorts);
        host.Launch();
        return host;
    }

    /// <summary>
    /// Waits until GET <paramref name="path"/> answers 2xx on the REST port; a child that exited on a taken port is
    /// started again on fresh ports. Fails with the child's output.
    /// </summary>
    public async Task WaitUntilReadyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                if (_pinned || _attempts >= MaxBindAttempts || !IsBindFailure(Output))
                    break;
                lock (_output) _output.AppendLine($"--- a port was taken (attempt {_attempts}); starting again on new ports");
                Ports = HostPorts.Free();
                Launch();
            }
            try
            {
                if ((await http.GetAsync(Ports.HttpUrl + path)).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException(
            $"{Path.GetFileName(_dllPath)} did not answer {path} within {timeout.TotalSeconds} s (exited: {_process.HasExited}). Its output:\n{Output}");
    }

    /// <summary>Whether a host's output says it could not bind a port (Kestrel's and Orleans' wording).</summary>
    public static bool IsBindFailure(string output) =>
        output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ends the process at once (SIGKILL): no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Launch()
    {
        _attempts++;
        var start = new ProcessStartInfo("dotnet", [_dllPath])
        {
            WorkingDirectory = Path.GetDirectoryName(_dllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in _environment(Ports))
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process?.Dispose();
        _process = process;
    }

    private void Append(string? line)
    {
        if (line is not null)
            lock (_output) _output.AppendLine(line);
    }
}
