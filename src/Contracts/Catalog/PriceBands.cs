namespace K8Shop.Contracts.Catalog;

/// <summary>The search's price bands in the shop's currency: lower bound inclusive, upper exclusive.</summary>
public static class PriceBands
{
    public static readonly IReadOnlyList<(string Name, decimal Min, decimal? Max)> All =
    [
        ("0-10", 0m, 10m),
        ("10-25", 10m, 25m),
        ("25-50", 25m, 50m),
        ("50+", 50m, null),
    ];

    public static bool IsBand(string value) => All.Any(b => b.Name == value);

    /// <summary>The band a price falls in.</summary>
    public static string Of(decimal price) => All[IndexOf(price)].Name;

    /// <summary>The position in <see cref="All"/> of the band a price falls in.</summary>
    public static int IndexOf(decimal price)
    {
        var band = 0;
        while (All[band].Max is { } max && price >= max)
            band++;
        return band;
    }
}
