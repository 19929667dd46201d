namespace K8Shop.LoadGen.Metrics;

/// <summary>
/// The warmup's figures and the measured ones, kept apart so the report can leave the warmup out, and the whole run
/// second by second (warmup included) in <see cref="Series"/>. The series' latency is the whole checkout's in the
/// checkout scenario, every request's otherwise, as on the live line.
/// </summary>
public sealed class RunRecorder
{
    public RunRecorder(TimeSeriesRecorder? series = null, bool checkoutLatency = false)
    {
        Series = series;
        Warmup = new PhaseStats(series, checkoutLatency);
        Measured = new PhaseStats(series, checkoutLatency);
    }

    public PhaseStats Warmup { get; }

    public PhaseStats Measured { get; }

    public TimeSeriesRecorder? Series { get; }

    public PhaseStats For(bool measured) => measured ? Measured : Warmup;
}
