using System.Globalization;

namespace K8Shop.Gateways.Errors;

/// <summary>Whole numbers in a query string (page, pageSize), checked the same way on every route.</summary>
public static class QueryNumbers
{
    /// <summary><paramref name="fallback"/> when absent; the number when whole and within bounds; otherwise an error naming the field.</summary>
    public static int Whole(string? text, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }
}
