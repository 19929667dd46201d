using System.Globalization;
using System.Security.Cryptography;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// Fresh order ids: a random tag per run, so a reserve never lands on a reservation an earlier run left behind
/// (the server would return that one instead), then a counter.
/// </summary>
public sealed class OrderIds(string runTag)
{
    private long _next;

    public string RunTag { get; } = runTag;

    public static OrderIds ForNewRun() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));

    public string Next() => string.Create(CultureInfo.InvariantCulture, $"lg-{RunTag}-{Interlocked.Increment(ref _next)}");
}
