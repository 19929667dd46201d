using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace K8Shop.Grains.Payments;

/// <summary>The charge decision: limits, declining test tokens, then a seeded draw; null reason means approved.</summary>
public static class PaymentDecider
{
    public static string? Decline(string orderId, decimal amount, string? token, PaymentOptions options)
    {
        if (amount > options.MaxAmount)
            return "amount_over_limit";
        if (token is not null && options.DecliningTokens.Contains(Normalize(token), StringComparer.Ordinal))
            return "card_declined";
        if (options.FailProbability > 0 && Draw(orderId, options.Seed) < options.FailProbability)
            return "processor_declined";
        return null;
    }

    /// <summary>A number from 0 to 99 fixed by the seed and the order id.</summary>
    public static int Draw(string orderId, int seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{orderId}"), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 100);
    }

    /// <summary>A reference the processor would give: stable for the order, not guessable from it.</summary>
    public static string Reference(string prefix, string orderId, int seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{prefix}:{seed}:{orderId}"), hash);
        return prefix + "_" + Convert.ToHexStringLower(hash[..10]);
    }

    private static string Normalize(string token) => token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
