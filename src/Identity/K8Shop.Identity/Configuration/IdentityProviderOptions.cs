namespace K8Shop.Identity.Configuration;

/// <summary>The identity provider's settings; section <c>Identity</c>. Validated at start by <see cref="IdentityProviderOptionsValidator"/>.</summary>
public sealed class IdentityProviderOptions
{
    public const string SectionName = "Identity";

    /// <summary>The PostgreSQL connection string's name under <c>ConnectionStrings</c> (store <c>postgres</c>).</summary>
    public const string ConnectionStringName = "Identity";

    /// <summary><c>sqlite</c> (default, embedded) or <c>postgres</c> (cluster, schema <c>identity</c>).</summary>
    public IdentityStoreKind Store { get; set; } = IdentityStoreKind.Sqlite;

    /// <summary>SQLite connection string; by default an in-memory database of this process, kept open while it runs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The issuer (<c>iss</c>); when unset, the origin of each request (embedded mode).</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Refuses plain HTTP unless false; the embedded host sets false, behind TLS it stays true.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Ephemeral keys, regenerated at every start: for a single embedded process only.</summary>
    public bool DevelopmentKeys { get; set; }

    /// <summary>PEM RSA private key that signs tokens. Secret: never logged.</summary>
    public string? SigningKey { get; set; }

    /// <summary>PEM RSA private key that encrypts authorization codes and refresh tokens. Secret: never logged.</summary>
    public string? EncryptionKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a redeemed refresh token may still be redeemed (concurrent refreshes). Zero by default: the storefront
    /// refreshes one request at a time, so any reuse is treated as theft and revokes the whole token chain.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    public AdminAccountOptions Admin { get; set; } = new();

    public StorefrontClientOptions Storefront { get; set; } = new();

    public ConfidentialClientOptions OperatorClient { get; set; } = new();

    public ConfidentialClientOptions LoadGenClient { get; set; } = new();
}

public enum IdentityStoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>The first administrator, created or reset at every start when both are set.</summary>
public sealed class AdminAccountOptions
{
    public string? Email { get; set; }

    /// <summary>Secret: never logged.</summary>
    public string? Password { get; set; }
}

/// <summary>The public storefront client (authorization code + PKCE).</summary>
public sealed class StorefrontClientOptions
{
    public static readonly string[] DefaultRedirectUris =
    [
        "http://127.0.0.1:8080/auth/callback", "http://localhost:8080/auth/callback",
        "http://127.0.0.1:8080/auth/silent", "http://localhost:8080/auth/silent",
    ];

    public static readonly string[] DefaultPostLogoutRedirectUris = ["http://127.0.0.1:8080/", "http://localhost:8080/"];

    // Null, not the defaults: the configuration binder appends to a list it finds, it does not replace it.
    public string[]? RedirectUris { get; set; }

    public string[]? PostLogoutRedirectUris { get; set; }

    public IReadOnlyList<string> EffectiveRedirectUris => RedirectUris is { Length: > 0 } uris ? uris : DefaultRedirectUris;

    public IReadOnlyList<string> EffectivePostLogoutRedirectUris =>
        PostLogoutRedirectUris is { Length: > 0 } uris ? uris : DefaultPostLogoutRedirectUris;
}

/// <summary>A confidential machine client; it exists only while its secret is set.</summary>
public sealed class ConfidentialClientOptions
{
    /// <summary>Secret: never logged.</summary>
    public string? Secret { get; set; }

    public bool IsEnabled => !string.IsNullOrEmpty(Secret);
}
