using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.ContractTests.Hosts;

/// <summary>
/// Access tokens as the identity provider issues them (RS256, <c>sub</c>, <c>role</c>, audience k8shop-api), signed
/// with the key the test hosts trust, and the malformed ones an attacker would try: expired, tampered, for another
/// audience or issuer, or unsigned (<c>alg: none</c>).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.k8shop.test/";
    public const string Audience = "k8shop-api";

    private static readonly RSA Rsa = RSA.Create(2048);

    public static readonly RsaSecurityKey Key = new(Rsa) { KeyId = "contract-test-key" };

    /// <summary>The key the host's provider encrypts its codes and refresh tokens with.</summary>
    public static readonly string EncryptionKeyPem = RSA.Create(2048).ExportRSAPrivateKeyPem();

    /// <summary>The signing key in PEM, for hosts that sign with it themselves.</summary>
    public static string PrivateKeyPem => Rsa.ExportRSAPrivateKeyPem();

    public static string Shopper(string userId) => Mint(userId);

    public static string Admin() => Mint("operator", roles: ["admin"]);

    public static string Machine() => Mint("loadgen", roles: ["machine"]);

    public static string Mint(string subject, string[]? roles = null, string audience = Audience, string issuer = Issuer,
        DateTime? expires = null, SecurityKey? key = null, string? name = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (name is not null)
            claims.Add(new Claim("name", name));
        claims.AddRange((roles ?? []).Select(role => new Claim("role", role)));
        var until = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            NotBefore = until.AddMinutes(-10),
            IssuedAt = until.AddMinutes(-10),
            Expires = until,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A valid shopper token with its payload rewritten to another subject, the signature left as it was.</summary>
    public static string Tampered(string signedFor, string claimedSubject)
    {
        var parts = Shopper(signedFor).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(signedFor, claimedSubject, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>) claiming the admin role.</summary>
    public static string Unsigned(string subject)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($"{{\"sub\":\"{subject}\",\"role\":\"admin\",\"aud\":\"{Audience}\",\"iss\":\"{Issuer}\",\"exp\":{exp}}}");
        return $"{header}.{payload}.";
    }

    /// <summary>A token signed by a key nobody trusts.</summary>
    public static string ForeignKey(string subject) => Mint(subject, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "foreign" });
}
