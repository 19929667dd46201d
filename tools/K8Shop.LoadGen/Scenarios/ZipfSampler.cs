namespace K8Shop.LoadGen.Scenarios;

/// <summary>
/// Draws ranks 0..n-1 with P(rank k) proportional to 1/(k+1)^skew: inverts one uniform draw by binary search over
/// the cumulative weights, so a given Random yields a given sequence.
/// </summary>
public sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double skew)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(skew);
        _cumulative = new double[count];
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            total += 1 / Math.Pow(k + 1, skew);
            _cumulative[k] = total;
        }
        for (var k = 0; k < count; k++)
            _cumulative[k] /= total;
        // Rounding must not leave a gap above the last rank for draws just below 1.
        _cumulative[^1] = 1.0;
    }

    public int Count => _cumulative.Length;

    /// <summary>The probability of one rank, for checking a sample against the distribution.</summary>
    public double Probability(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    public int Sample(Random random)
    {
        var draw = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, draw);
        // An exact hit on rank k's upper edge belongs to rank k+1; a miss gives the first edge above the draw.
        return index >= 0 ? Math.Min(index + 1, _cumulative.Length - 1) : ~index;
    }
}
