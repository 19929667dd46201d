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
