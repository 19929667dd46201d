using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.IdentityTests.Support;

/// <summary>The storefront's and machine clients' side of the protocol, step by step over HTTP.</summary>
public static class Oidc
{
    public const string RedirectUri = "http://127.0.0.1:8080/auth/callback";
    public const string PostLogoutRedirectUri = "http://127.0.0.1:8080/";
    public const string StorefrontScopes = "openid profile email roles offline_access k8shop";

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
        }
    }

    public static string AuthorizeUrl(Pkce? pkce, string state = "state-1") =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "storefront", ["redirect_uri"] = RedirectUri, ["response_type"] = "code", ["scope"] = StorefrontScopes,
            ["state"] = state, ["nonce"] = "nonce-1", ["code_challenge"] = pkce?.Challenge, ["code_challenge_method"] = pkce is null ? null : "S256",
        });

    /// <summary>Authorization code + PKCE as the storefront does it: authorize, sign in on the page, back to authorize, then the code for tokens.</summary>
    public static async Task<JsonElement> SignInWithCodeAsync(HttpClient browser, string email, string password)
    {
        var pkce = Pkce.Create();
        var authorize = await browser.GetAsync(AuthorizeUrl(pkce));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var signInPage = authorize.Headers.Location!;
        Assert.StartsWith("/identity/signin", signInPage.IsAbsoluteUri ? signInPage.PathAndQuery : signInPage.OriginalString);

        var returnUrl = QueryHelpers.ParseQuery(new Uri(browser.BaseAddress!, signInPage).Query)["returnUrl"].ToString();
        var signedIn = await Pages.SignInAsync(browser, email, password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(returnUrl, signedIn.Headers.Location!.OriginalString);

        var code = await AuthorizeCodeAsync(browser, returnUrl);
        return await RedeemCodeAsync(browser, code, pkce.Verifier);
    }

    /// <summary>Follows an authorize URL of a signed-in browser to the client's callback and answers the code.</summary>
    public static async Task<string> AuthorizeCodeAsync(HttpClient browser, string authorizeUrl)
    {
        var back = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.AbsoluteUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    public static async Task<JsonElement> RedeemCodeAsync(HttpClient client, string code, string verifier)
    {
        var response = await TokenAsync(client, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "storefront", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        });
        return await SuccessAsync(response);
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        TokenAsync(client, new() { ["grant_type"] = "refresh_token", ["client_id"] = "storefront", ["refresh_token"] = refreshToken });

    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string secret, string? scope = "k8shop") =>
        TokenAsync(client, new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope });

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string clientId, string? secret, string email, string password) =>
        TokenAsync(client, new()
        {
            ["grant_type"] = "password", ["client_id"] = clientId, ["client_secret"] = secret, ["username"] = email, ["password"] = password,
            ["scope"] = "k8shop profile email roles",
        });

    public static async Task<HttpResponseMessage> TokenAsync(HttpClient client, Dictionary<string, string?> form) =>
        await client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!))));

    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.False(response.IsSuccessStatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("error").GetString()!;
    }

    /// <summary>What a gateway does: keys from the JWKS, issuer from discovery, audience k8shop-api; answers the validated token.</summary>
    public static async Task<JsonWebToken> ValidateAccessTokenAsync(HttpClient client, string accessToken)
    {
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var jwks = new JsonWebKeySet(await client.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = "k8shop-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
