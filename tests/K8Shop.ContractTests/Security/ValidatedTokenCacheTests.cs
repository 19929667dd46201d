using K8Shop.ContractTests.Hosts;
using K8Shop.Gateways.Auth;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.ContractTests.Security;

/// <summary>The cache of validated tokens: the library decides once, a hit is a fresh copy, and nothing outlives its token.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static TokenValidationParameters Parameters => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKey = TestTokens.Key,
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_valid_token_is_answered_from_the_cache_with_its_own_copy_of_the_claims()
    {
        var cache = new ValidatedTokenCache(new Clock(DateTimeOffset.UtcNow));
        var token = TestTokens.Shopper("alice");

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, new TokenValidationParameters { ValidIssuer = "nobody" });
        second.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim("role", "admin"));
        var third = await cache.ValidateTokenAsync(token, new TokenValidationParameters { ValidIssuer = "nobody" });

        Assert.True(first.IsValid && second.IsValid && third.IsValid);
        Assert.Equal("alice", third.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Null(third.ClaimsIdentity.FindFirst("role"));
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_it_expires_and_a_refused_one_is_never_cached()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(clock);
        var token = TestTokens.Mint("alice", expires: DateTime.UtcNow.AddMinutes(1));
        var forged = TestTokens.ForeignKey("alice");

        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(forged, Parameters)).IsValid);
        clock.Now = clock.Now.AddMinutes(2);

        Assert.False((await cache.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TestTokens.Issuer, ValidAudience = TestTokens.Audience, IssuerSigningKey = TestTokens.Key, ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (_, expires, _, _) => expires > clock.Now.UtcDateTime,
        })).IsValid);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
