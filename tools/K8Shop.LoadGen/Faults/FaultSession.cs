using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Running;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Faults;

/// <summary>
/// A run's dealings with the fault switches: the watcher polling them during the load and, with --chaos, the schedule
/// playing. Started when the load starts, stopped (every fault the schedule turned on turned off) when it ends.
/// </summary>
public sealed class FaultSession : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;
    private Task _playing = Task.CompletedTask;

    private FaultSession(HttpClient http, FaultsClient client, TextWriter log)
    {
        _http = http;
        Client = client;
        Watcher = new FaultWatcher(client, log);
    }

    public FaultsClient Client { get; }

    public FaultWatcher Watcher { get; }

    public ChaosRunner? Chaos { get; private set; }

    public IReadOnlyList<ChaosFault> ChaosFaults { get; private set; } = [];

    /// <summary>Null without a token; with --chaos, the faults to play are read (and checked) here, before the load.</summary>
    public static async Task<FaultSession?> PrepareAsync(LoadGenOptions options, IAccessTokenSource? token, TextWriter log, CancellationToken stop)
    {
        if (token is null)
            return null;
        // Its own connections: the schedule's switches must go out even when the load saturates the pool.
        var http = GatewayHttp.CreateClient(options.Url, 2, options.Timeout);
        var session = new FaultSession(http, new FaultsClient(http, token, options.Timeout), log);
        if (options.Chaos is not { } chaos)
            return session;
        try
        {
            session.ChaosFaults = await ChaosFaultsAsync(session.Client, chaos, stop);
            return session;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Start(TimeSeriesRecorder series, RunClock clock, LoadGenOptions options, TextWriter log)
    {
        _watching = Watcher.RunAsync(_stop.Token);
        if (options.Chaos is not { } chaos)
            return;
        Chaos = new ChaosRunner(Client, series, clock.Start, log);
        var startSecond = (long)Math.Ceiling(options.Warmup.TotalSeconds);
        long? endSecond = options.Duration is { } duration ? (long)Math.Floor((options.Warmup + duration).TotalSeconds) : null;
        _playing = Chaos.RunAsync(ChaosPlan.Windows(ChaosFaults, chaos.On, chaos.Off, startSecond, endSecond), chaos.On, _stop.Token);
    }

    /// <summary>The load is over: stop polling, end the schedule and turn off what it turned on.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watching, _playing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
        _http.Dispose();
    }

    private static async Task<IReadOnlyList<ChaosFault>> ChaosFaultsAsync(FaultsClient client, ChaosOptions chaos, CancellationToken stop)
    {
        var listed = await client.ListAsync(stop);
        if (listed.Reply is not { } list)
            throw new SetupFailedException($"--chaos: {FaultsClient.Unavailable(listed.Failure!) ?? $"GET /admin/faults failed: {listed.Failure}"}");
        var byName = list.Faults.ToDictionary(fault => fault.Name, StringComparer.Ordinal);
        if (list.Faults.Count == 0)
            throw new SetupFailedException("--chaos: the gateway lists no faults");
        if (chaos.Faults is null)
            return [.. list.Faults.Select(fault => new ChaosFault(fault.Name, fault.Kind))];
        var unknown = chaos.Faults.Where(name => !byName.ContainsKey(name)).ToList();
        if (unknown.Count > 0)
            throw new SetupFailedException($"--chaos-faults: the gateway has no fault {string.Join(", ", unknown)}; it lists {string.Join(", ", byName.Keys)}");
        return [.. chaos.Faults.Select(name => new ChaosFault(name, byName[name].Kind))];
    }
}
