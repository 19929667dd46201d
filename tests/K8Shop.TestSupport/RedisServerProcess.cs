using System.Diagnostics;
using System.Net.Sockets;

namespace K8Shop.TestSupport;

/// <summary>
/// A redis-server of the test's own, on a free loopback port, with append-only fsync on every write, so a test
/// can kill it (SIGKILL, as a crash) and start it again on the same data and port. If its first port was taken
/// before it bound it, it starts again on another.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8shop-redis-").FullName;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;
    private bool _started;

    public int Port { get; private set; } = TestPorts.Free();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryStartAsync())
            {
                _started = true;
                return;
            }
            string output;
            lock (_output) output = _output.ToString();
            // Only the first start may move: a restart must come back on the port its clients know.
            if (_started || attempt >= HostProcess.MaxBindAttempts || !HostProcess.IsBindFailure(output))
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 10 s. Its output:\n{output}");
            Port = TestPorts.Free();
        }
    }

    private async Task<bool> TryStartAsync()
    {
        var start = new ProcessStartInfo(TestServices.RedisServerBinary,
        [
            "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "always",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process?.Dispose();
        lock (_output) _output.Clear();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; install it with 'scripts/dev-services.sh up redis'.");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            // PING, not only a connect: a port someone else took also accepts connections.
            if (await AnswersPingAsync())
                return true;
            await Task.Delay(50);
        }
        return false;
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync("127.0.0.1", Port);
            var stream = probe.GetStream();
            stream.ReadTimeout = 2000;
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var reply = new byte[7];
            var read = await stream.ReadAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return System.Text.Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Ends the server at once, as a crash would: nothing is flushed beyond what fsync already wrote.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
