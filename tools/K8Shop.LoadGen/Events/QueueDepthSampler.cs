using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace K8Shop.LoadGen.Events;

/// <summary>
/// Reads the watched queues' depths from the RabbitMQ management API (<c>GET /api/queues/{vhost}</c>, basic auth)
/// every <see cref="Interval"/> during the load, and once more when it ends. The broker refreshes these figures every
/// 5 s itself (collect_statistics_interval), so a sample may be that old. A failed read is counted, not fatal.
/// </summary>
public sealed class QueueDepthSampler : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly Uri _queues;
    private readonly IReadOnlyList<string> _patterns;
    private readonly long _start;
    private readonly List<QueueSample> _samples = [];
    private readonly Lock _gate = new();
    private int _failures;
    private string? _lastFailure;

    public QueueDepthSampler(EventWatchOptions options, long start)
    {
        var management = options.Management ?? throw new ArgumentException("no management address", nameof(options));
        var credentials = management.UserInfo.Length > 0 ? management.UserInfo : options.Amqp.UserInfo;
        var vhost = options.Amqp.AbsolutePath.Length > 1 ? Uri.UnescapeDataString(options.Amqp.AbsolutePath[1..]) : "/";
        _queues = new Uri(new Uri(management.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"),
            $"api/queues/{Uri.EscapeDataString(vhost)}?columns=name,messages_ready,messages_unacknowledged");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        if (credentials.Length > 0)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(credentials))));
        _patterns = options.QueuePatterns;
        _start = start;
    }

    public int Failures => Volatile.Read(ref _failures);

    public string? LastFailure => Volatile.Read(ref _lastFailure);

    public IReadOnlyList<QueueSample> Samples
    {
        get
        {
            lock (_gate)
                return [.. _samples];
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
                await SampleAsync(stop);
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over; the caller takes the last sample.
        }
    }

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var at = Stopwatch.GetElapsedTime(_start);
        try
        {
            var json = await _http.GetStringAsync(_queues, cancellationToken);
            var sample = new QueueSample(at, QueueDepth.Parse(json, _patterns));
            lock (_gate)
                _samples.Add(sample);
        }
        catch (Exception error) when ((error is HttpRequestException or JsonException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            Volatile.Write(ref _lastFailure, error.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
