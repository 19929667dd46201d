using K8Shop.Contracts.Payments;

namespace K8Shop.Gateways.Payments;

/// <summary>Checks card details at the edge: a Luhn-valid number of 12 to 19 digits, an expiry not past, a 3 or 4 digit code.</summary>
public static class CardInput
{
    public static CardDetails? Check(PaymentTokenRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var number = new string((request.CardNumber ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
            errors["card_number"] = ["must be 12 to 19 digits"];
        else if (!PassesLuhn(number))
            errors["card_number"] = ["is not a valid card number (check digit)"];
        if (request.ExpMonth is not (>= 1 and <= 12))
            errors["exp_month"] = ["must be from 1 to 12"];
        if (request.ExpYear is not (>= 2000 and <= 2100))
            errors["exp_year"] = ["must be a four-digit year"];
        else if (request.ExpMonth is >= 1 and <= 12 && new DateTimeOffset(request.ExpYear.Value, request.ExpMonth.Value, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) <= now)
            errors["exp_year"] = ["the card has expired"];
        if (request.Cvc is not { Length: 3 or 4 } cvc || !cvc.All(char.IsAsciiDigit))
            errors["cvc"] = ["must be 3 or 4 digits"];
        return errors.Count == 0 ? new CardDetails(number, request.ExpMonth!.Value, request.ExpYear!.Value) : null;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
