using System.Diagnostics;
using HdrHistogram;

namespace K8Shop.SearchBench;

/// <summary>
/// Sends requests at a fixed rate whatever the answers take (an open loop), and records each latency from the moment
/// the request was due, so a stall counts against every request it delayed. Latencies go into HdrHistograms per kind,
/// in microseconds, as the load generator records them.
/// </summary>
public sealed class OpenLoop(HttpClient http)
{
    public const long HighestMicroseconds = 60_000_000;

    private readonly Dictionary<string, LongConcurrentHistogram> _latencies = [];
    private readonly Dictionary<string, long> _errors = [];
    private readonly Lock _gate = new();

    public IReadOnlyDictionary<string, LongConcurrentHistogram> Latencies => _latencies;

    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>How late requests left after they were due (the generator's own error, counted in every latency).</summary>
    public LongConcurrentHistogram Lateness { get; } = new(1, HighestMicroseconds, 3);

    /// <summary>Runs <paramref name="next"/>'s requests at <paramref name="rate"/> per second for the duration; records when <paramref name="measure"/>.</summary>
    /// <remarks>
    /// A thread of its own paces the requests: it sleeps until about a millisecond before each is due and yields the
    /// processor until then, so requests leave within tens of microseconds of their time. Awaiting timers instead let
    /// them leave one to two milliseconds late on the 2-core box, and that lateness counted against every latency.
    /// </remarks>
    public async Task RunAsync(double rate, TimeSpan duration, bool measure, Func<long, (string Kind, string Path)> next)
    {
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var inFlight = new List<Task>();
        var pacer = new Thread(() =>
        {
            var millisecond = Stopwatch.Frequency / 1000;
            for (long n = 0; ; n++)
            {
                var due = start + (long)(n * interval);
                if (due >= end)
                    break;
                for (var wait = due - Stopwatch.GetTimestamp(); wait > 0; wait = due - Stopwatch.GetTimestamp())
                {
                    if (wait > 2 * millisecond)
                        Thread.Sleep(TimeSpan.FromSeconds((double)(wait - millisecond) / Stopwatch.Frequency));
                    else
                        Thread.Yield();
                }
                var (kind, path) = next(n);
                if (measure)
                    Lateness.RecordValue(Math.Clamp((Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency, 1, HighestMicroseconds));
                inFlight.Add(SendAsync(kind, path, due, measure));
                if (n % 256 == 0)
                    inFlight.RemoveAll(t => t.IsCompleted);
            }
        }) { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal };
        pacer.Start();
        await Task.Run(pacer.Join);
        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(string kind, string path, long due, bool measure)
    {
        var ok = false;
        try
        {
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            ok = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }
        if (!measure)
            return;
        var micros = (Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency;
        lock (_gate)
        {
            if (!_latencies.TryGetValue(kind, out var histogram))
                _latencies[kind] = histogram = new LongConcurrentHistogram(1, HighestMicroseconds, 3);
            histogram.RecordValue(Math.Clamp(micros, 1, HighestMicroseconds));
            if (!ok)
                _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
        }
    }
}
