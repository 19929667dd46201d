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

    /// <summary>Runs <paramref name="next"/>'s requests at <paramref name="rate"/> per second for the duration; records when <paramref name="measure"/>.</summary>
    public async Task RunAsync(double rate, TimeSpan duration, bool measure, Func<long, (string Kind, string Path)> next)
    {
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var inFlight = new List<Task>();
        for (long n = 0; ; n++)
        {
            var due = start + (long)(n * interval);
            if (due >= end)
                break;
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            var (kind, path) = next(n);
            inFlight.Add(SendAsync(kind, path, due, measure));
            inFlight.RemoveAll(t => t.IsCompleted);
        }
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
