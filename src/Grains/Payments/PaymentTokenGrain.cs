using K8Shop.Contracts.Payments;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace K8Shop.Grains.Payments;

/// <summary>
/// Issues payment tokens for the test processor. A card number listed in <see cref="PaymentOptions.DecliningTokens"/>
/// maps to the declining token <c>tok_chargeDeclined</c>; any other card to a random <c>tok_</c> token. Nothing is
/// stored and the number is never logged.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class PaymentTokenGrain(IOptions<PaymentOptions> options) : Grain, IPaymentTokenGrain
{
    public const string DecliningToken = "tok_chargeDeclined";

    public Task<PaymentToken> TokenizeAsync(CardDetails card)
    {
        var declines = options.Value.DecliningTokens.Contains(card.Number, StringComparer.Ordinal);
        var token = declines ? DecliningToken : $"tok_{Guid.NewGuid():N}";
        return Task.FromResult(new PaymentToken(token, Brand(card.Number), card.Number[^4..]));
    }

    private static string Brand(string number) => number[0] switch
    {
        '4' => "visa",
        '5' or '2' => "mastercard",
        '3' => "amex",
        _ => "card",
    };
}
