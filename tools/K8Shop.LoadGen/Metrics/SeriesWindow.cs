using HdrHistogram;
using K8Shop.LoadGen.Inventory;

namespace K8Shop.LoadGen.Metrics;

/// <summary>A span of whole seconds of the run (a chaos window), added up as its seconds close: counts and one latency histogram.</summary>
public sealed class SeriesWindow(long fromSecond, long toSecond)
{
    private readonly long[] _errors = new long[Enum.GetValues<ErrorKind>().Length];
    private readonly long[] _outcomes = new long[Enum.GetValues<Outcome>().Length];

    public long FromSecond { get; } = fromSecond;
    public long ToSecond { get; } = toSecond;
    public long Seconds { get; private set; }
    public long Operations { get; private set; }
    public long Requests { get; private set; }
    public long ErrorTotal => _errors.Sum();
    public long Errors(ErrorKind kind) => _errors[(int)kind];
    public long Outcomes(Outcome outcome) => _outcomes[(int)outcome];

    /// <summary>Only written while the recorder holds its closing lock; read once the run is over.</summary>
    public HistogramBase Latency { get; } = LatencyRecorder.NewHistogram(SecondSlot.SignificantDigits);

    public bool Spans(long second) => second >= FromSecond && second < ToSecond;

    internal void AddCounts(SecondFigures row)
    {
        Seconds++;
        Operations += row.Operations;
        Requests += row.Requests;
        foreach (var (kind, count) in row.Errors)
            _errors[(int)kind] += count;
        foreach (var (outcome, count) in row.Outcomes)
            _outcomes[(int)outcome] += count;
    }
}
