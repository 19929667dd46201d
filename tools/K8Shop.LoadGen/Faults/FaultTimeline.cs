namespace K8Shop.LoadGen.Faults;

/// <summary>A fault seen on from From to To (null: still on at the end), in seconds of the run.</summary>
public sealed record FaultSpan(string Name, double From, double? To, string Source);

/// <summary>
/// Which faults were on when, from two sources: the chaos schedule's own switching (exact: when the gateway answered
/// on and off) and the once-a-second polls (each poll tells what was on at that moment; between polls the last one
/// stands). A second lists every fault on at any moment of it.
/// </summary>
public sealed class FaultTimeline
{
    public const string Chaos = "chaos";
    public const string Observed = "observed";

    private readonly List<FaultSpan> _spans;

    public FaultTimeline(IReadOnlyList<FaultSpan> chaos, IReadOnlyList<(double At, IReadOnlyList<string> Active)> polls, double end)
    {
        var switchedByChaos = chaos.Select(span => span.Name).ToHashSet(StringComparer.Ordinal);
        _spans = [.. chaos, .. FromPolls(polls, end).Where(span => !switchedByChaos.Contains(span.Name))];
        _spans.Sort((a, b) => a.From.CompareTo(b.From));
    }

    public IReadOnlyList<FaultSpan> Spans => _spans;

    public IReadOnlyList<string> ActiveIn(long second) =>
        [.. _spans.Where(span => span.From < second + 1 && (span.To ?? double.MaxValue) > second).Select(span => span.Name).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A fault is on from the first poll that lists it to the first that does not (or the end of the load).</summary>
    private static IEnumerable<FaultSpan> FromPolls(IReadOnlyList<(double At, IReadOnlyList<string> Active)> polls, double end)
    {
        var open = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (at, active) in polls.OrderBy(poll => poll.At))
        {
            foreach (var name in active.Where(name => !open.ContainsKey(name)))
                open[name] = at;
            foreach (var (name, from) in open.Where(entry => !active.Contains(entry.Key)).ToList())
            {
                open.Remove(name);
                yield return new FaultSpan(name, from, at, Observed);
            }
        }
        foreach (var (name, from) in open)
            yield return new FaultSpan(name, from, Math.Max(from, end), Observed);
    }
}
