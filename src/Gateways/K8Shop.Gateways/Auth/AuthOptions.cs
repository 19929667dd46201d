namespace K8Shop.Gateways.Auth;

/// <summary>How the gateway decides who is calling.</summary>
public enum AuthMode
{
    /// <summary>Every shopper route needs a token for that shopper (or the shopper's own guest cookie).</summary>
    Required = 0,

    /// <summary>The original K8Shop's behaviour: the user id in the path is trusted. Only for the original's clients.</summary>
    Open = 1,
}

/// <summary>Access-token validation, bound from section <c>Auth</c> and checked at start.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string DefaultAudience = "k8shop-api";

    public AuthMode Mode { get; set; } = AuthMode.Required;

    /// <summary>The identity provider's issuer URL (its discovery document is read from there). Empty when the provider is co-hosted.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> every access token must carry.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>
    /// The claim that names who the token is for: <c>aud</c> (OpenID Connect providers, ours included) or
    /// <c>client_id</c> (Amazon Cognito's access tokens carry no audience; the app client id is checked instead).
    /// </summary>
    public string AudienceClaim { get; set; } = "aud";

    /// <summary>The claim holding roles: <c>role</c> from our provider, <c>cognito:groups</c> from Cognito (a group named admin).</summary>
    public string RoleClaim { get; set; } = AuthPolicies.RoleClaim;

    /// <summary>Only a development setup on loopback turns this off: discovery over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How far a token's times may be off the gateway's clock.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsOpen => Mode == AuthMode.Open;
}
