using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// Remembers which access tokens already passed validation, until they expire. The check itself is the library's
/// (<see cref="JsonWebTokenHandler"/>: signature, issuer, audience, lifetime); an RSA signature check costs more CPU
/// than a hot-SKU reservation, and a client sends the same token on every request until it renews it. Only successes
/// are kept, each until the token's own expiry (a JWT cannot be revoked before it anyway), and every hit gets its own
/// copy of the identity, so no request sees claims another one changed.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : JsonWebTokenHandler
{
    private const int MaxEntries = 100_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out Validated? hit) && hit!.Expires > clock.GetUtcNow())
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = hit.Identity.Clone(), SecurityToken = hit.Token, Issuer = hit.Token.Issuer };

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && result.ClaimsIdentity is { } identity && jwt.ValidTo > DateTime.MinValue)
        {
            var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
            _validated.Set(token, new Validated(identity.Clone(), jwt, expires), new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });
        }
        return result;
    }

    private sealed record Validated(ClaimsIdentity Identity, JsonWebToken Token, DateTimeOffset Expires);
}
