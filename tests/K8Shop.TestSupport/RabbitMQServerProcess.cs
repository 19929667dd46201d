using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace K8Shop.TestSupport;

/// <summary>
/// A RabbitMQ node of the test's own (own node name, ports, data and cookie under a temporary folder; no management
/// plugin), so a test can kill it (SIGKILL, as a crash) and start it again on the same data and port while the
/// shared broker keeps running.
/// </summary>
public sealed class RabbitMQServerProcess : IAsyncDisposable
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private readonly string _directory = Directory.CreateTempSubdirectory("k8shop-rabbitmq-").FullName;
    private readonly string _nodeName = $"k8shoptest{Guid.NewGuid():N}"[..24] + "@localhost";
    private readonly int _distributionPort = TestPorts.Free();
    private Process? _process;

    public int Port { get; } = TestPorts.Free();

    /// <summary>The node's guest account, which RabbitMQ allows from loopback.</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static async Task<RabbitMQServerProcess> StartAsync()
    {
        var server = new RabbitMQServerProcess();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        File.WriteAllText(Path.Combine(_directory, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(_directory, "rabbitmq-env.conf"), string.Empty);
        File.WriteAllText(Path.Combine(_directory, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{Port}\n");
        var start = new ProcessStartInfo(ServerScript)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        SetEnvironment(start);
        _process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start; install it with 'scripts/dev-services.sh up rabbitmq'.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited with {_process.ExitCode}; see {_directory}/log.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"rabbitmq-server did not listen on port {Port} within 60 s; see {_directory}/log.");
    }

    /// <summary>
    /// Stops the node cleanly (<c>rabbitmqctl stop</c>, as an operator's restart or a rolling upgrade does): connections
    /// are closed by the broker and every queue is written out before the VM exits.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        var stop = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", _nodeName, "stop"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        SetEnvironment(stop);
        using (var ctl = Process.Start(stop) ?? throw new InvalidOperationException("rabbitmqctl did not start"))
        {
            await ctl.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    private void SetEnvironment(ProcessStartInfo start)
    {
        var env = start.Environment;
        env["HOME"] = _directory;
        env["RABBITMQ_NODENAME"] = _nodeName;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        env["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
        env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_directory, "rabbitmq-env.conf");
        env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_directory, "advanced.config");
        env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";

    }

    /// <summary>Ends the node and its Erlang VM at once, as a crash would: only what the broker fsynced survives.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
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
