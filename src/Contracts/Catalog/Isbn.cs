namespace K8Shop.Contracts.Catalog;

/// <summary>ISBN-10 and ISBN-13 check-digit rules.</summary>
public static class Isbn
{
    public static bool IsValid(string value)
    {
        var digits = value.Replace("-", "", StringComparison.Ordinal);
        return digits.Length switch
        {
            13 => IsValidIsbn13(digits),
            10 => IsValidIsbn10(digits),
            _ => false,
        };
    }

    /// <summary>The ISBN without hyphens or spaces, with an ISBN-10's check 'X' in lower case (as search indexes it).</summary>
    public static string Compact(string value) =>
        value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>
    /// Both forms of a valid ISBN, compact: the ISBN-13 and, for a 978 ISBN-13 or any ISBN-10, the ISBN-10; empty when
    /// the value is no valid ISBN. The same book is found by either.
    /// </summary>
    public static IReadOnlyList<string> Forms(string value)
    {
        var compact = Compact(value);
        if (!IsValid(compact))
            return [];
        if (compact.Length == 10)
        {
            var thirteen = "978" + compact[..9];
            return [thirteen + Check13(thirteen), compact];
        }
        if (!compact.StartsWith("978", StringComparison.Ordinal))
            return [compact];
        var ten = compact[3..12];
        return [compact, ten + Check10(ten)];
    }

    private static char Check13(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
            sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return (char)('0' + (10 - sum % 10) % 10);
    }

    private static char Check10(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (nine[i] - '0') * (10 - i);
        var check = (11 - sum % 11) % 11;
        return check == 10 ? 'x' : (char)('0' + check);
    }

    private static bool IsValidIsbn13(string digits)
    {
        if (!digits.All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 13; i++)
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return sum % 10 == 0;
    }

    private static bool IsValidIsbn10(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var c = digits[i];
            int digit;
            if (char.IsAsciiDigit(c))
                digit = c - '0';
            else if (i == 9 && (c == 'X' || c == 'x'))
                digit = 10;
            else
                return false;
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }
}
