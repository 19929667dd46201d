using System.Security.Cryptography;
using System.Text;
using K8Shop.Contracts.Rules;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header: up to <see cref="ShopLimits.Ids.MaxIdempotencyKeyLength"/> printable ASCII characters, or absent.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The key, null when absent; a present but malformed key adds an error naming the header.</summary>
    public static string? Read(HttpRequest request, Dictionary<string, string[]> errors)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
            return null;
        return Check(values.Count == 1 ? values[0] : null, Header, errors);
    }

    /// <summary>The key when it is 1 to <see cref="ShopLimits.Ids.MaxIdempotencyKeyLength"/> printable ASCII characters; otherwise null, with an error naming the field.</summary>
    public static string? Check(string? key, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(key) || key.Length > ShopLimits.Ids.MaxIdempotencyKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            errors[field] = [$"must be one value of 1 to {ShopLimits.Ids.MaxIdempotencyKeyLength} printable ASCII characters"];
            return null;
        }
        return key;
    }

    /// <summary>
    /// The key as the caller's own: with tokens required, two shoppers who happen to send the same key reach two
    /// different orders, and neither learns that the other's exists. In open mode the key is the original's, shared.
    /// </summary>
    public static string ScopedToCaller(HttpContext http, string key) =>
        http.User.FindFirst(K8Shop.Gateways.Auth.AuthPolicies.SubjectClaim)?.Value is { Length: > 0 } subject ? $"{subject}\n{key}" : key;

    /// <summary>A fingerprint of a request's meaningful parts, to tell a replay from another request under the same key.</summary>
    public static string Fingerprint(params IEnumerable<string?> parts)
    {
        var text = string.Join("\u001f", parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
