using K8Shop.Identity.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace K8Shop.Identity.Configuration;

/// <summary>Checks every setting at start; each failure names its configuration key.</summary>
public sealed class IdentityProviderOptionsValidator(IConfiguration configuration) : IValidateOptions<IdentityProviderOptions>
{
    private const string Section = IdentityProviderOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IdentityProviderOptions options)
    {
        var failures = new List<string>();
        if (options.Store == IdentityStoreKind.Postgres
            && string.IsNullOrWhiteSpace(configuration.GetConnectionString(IdentityProviderOptions.ConnectionStringName)))
            failures.Add($"ConnectionStrings:{IdentityProviderOptions.ConnectionStringName} is not set; {Section}:Store=postgres needs it.");
        if (options.Issuer is { IsAbsoluteUri: false })
            failures.Add($"{Section}:Issuer must be an absolute URI, e.g. https://shop.example/.");
        CheckKey(failures, options.SigningKey, nameof(options.SigningKey), options.DevelopmentKeys);
        CheckKey(failures, options.EncryptionKey, nameof(options.EncryptionKey), options.DevelopmentKeys);
        if (options.AccessTokenLifetime < TimeSpan.FromSeconds(30) || options.AccessTokenLifetime > TimeSpan.FromHours(1))
            failures.Add($"{Section}:AccessTokenLifetime must be from 00:00:30 to 01:00:00.");
        if (options.RefreshTokenLifetime < options.AccessTokenLifetime)
            failures.Add($"{Section}:RefreshTokenLifetime must not be shorter than {Section}:AccessTokenLifetime.");
        if (options.RefreshTokenReuseLeeway < TimeSpan.Zero || options.RefreshTokenReuseLeeway > TimeSpan.FromMinutes(1))
            failures.Add($"{Section}:RefreshTokenReuseLeeway must be from 0 to 00:01:00.");
        if (string.IsNullOrWhiteSpace(options.Admin.Email) != string.IsNullOrEmpty(options.Admin.Password))
            failures.Add($"{Section}:Admin:Email and {Section}:Admin:Password are set together or not at all.");
        CheckUris(failures, options.Storefront.EffectiveRedirectUris, "Storefront:RedirectUris");
        CheckUris(failures, options.Storefront.EffectivePostLogoutRedirectUris, "Storefront:PostLogoutRedirectUris");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(List<string> failures, string? pem, string key, bool developmentKeys)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            if (!developmentKeys)
                failures.Add($"{Section}:{key} is not set: give a PEM RSA private key (or {Section}:DevelopmentKeys=true for a single embedded process).");
            return;
        }
        if (!PemRsaKeys.TryLoad(pem, out _))
            failures.Add($"{Section}:{key} is not a PEM RSA private key of at least 2048 bits.");
    }

    private static void CheckUris(List<string> failures, IReadOnlyList<string> uris, string key)
    {
        foreach (var uri in uris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
                failures.Add($"{Section}:{key} holds '{uri}', which is not an absolute URI.");
        }
    }
}
