using System.Diagnostics;
using System.Globalization;
using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// About once a second, one line on stderr: elapsed time, phase, operations per second over the last tick, and the
/// current phase's granted, rejected and error counts and p99 so far (from the coarse live histogram, hence "~"); for
/// checkout, orders confirmed, rejected and declined, and the whole checkout's p99.
/// On a terminal the line is rewritten in place; otherwise each tick is a plain line, fit for a log.
/// </summary>
public sealed class ProgressReporter(TextWriter writer, bool inPlace, RunRecorder recorder, RunClock clock, bool checkout = false)
{
    private int _lastWidth;

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var lastAt = clock.Start;
        long lastOperations = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                var operations = recorder.Warmup.Operations + recorder.Measured.Operations;
                var perSecond = (operations - lastOperations) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds;
                (lastAt, lastOperations) = (now, operations);
                await WriteAsync(Line(now, perSecond));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        if (inPlace && _lastWidth > 0)
            await writer.WriteLineAsync();
    }

    private string Line(long now, double perSecond)
    {
        var measuring = clock.IsMeasuring(now);
        var phase = recorder.For(measuring);
        var p99 = (checkout ? phase.LiveCheckouts : phase.Live).ValueAtPercentile(99) / 1000.0;
        var dropped = phase.Dropped > 0 ? $"  dropped {phase.Dropped}" : "";
        var counts = checkout
            ? $"confirmed {phase.Count(Outcome.OrderConfirmed)}  rejected {phase.Count(Outcome.OrderRejected)}  declined {phase.Count(Outcome.OrderPaymentFailed)}"
            : $"granted {phase.Count(Outcome.Granted)}  rejected {phase.Count(Outcome.Rejected)}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Stopwatch.GetElapsedTime(clock.Start, now).TotalSeconds,6:0.0}s {(measuring ? "measure" : "warmup "),-7} {perSecond,8:0} ops/s  {counts}  errors {phase.ErrorTotal}{dropped}  p99 ~{p99:0.00} ms");
    }

    private async Task WriteAsync(string line)
    {
        if (inPlace)
        {
            // Pad over the tail of a longer previous line, then return to the line's start.
            await writer.WriteAsync("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
        }
        else
        {
            await writer.WriteLineAsync(line);
        }
        await writer.FlushAsync();
    }
}
