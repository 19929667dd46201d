using System.Net;
using System.Text.Json;
using K8Shop.IdentityTests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace K8Shop.IdentityTests.Scenarios;

/// <summary>The OpenID Connect flows, run against a host on each store.</summary>
public static class ProtocolScenarios
{
    public static string NewEmail(string purpose) => $"{purpose}-{Guid.NewGuid():N}@k8shop.test";

    public static async Task CodeWithPkceIssuesTokensAGatewayValidates(IdentityTestHost host)
    {
        var email = NewEmail("code");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();

        var tokens = await Oidc.SignInWithCodeAsync(browser, email, "correct horse 1");

        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        var jwt = await Oidc.ValidateAccessTokenAsync(browser, tokens.GetProperty("access_token").GetString()!);
        Assert.Matches("^[0-9a-f]{32}$", jwt.Subject);
        Assert.Equal(["k8shop-api"], jwt.Audiences);
        Assert.Equal(email, jwt.GetClaim("email").Value);
        Assert.Equal("Test Shopper", jwt.GetClaim("name").Value);
        Assert.False(jwt.TryGetClaim("role", out _));
        Assert.Contains("k8shop", jwt.GetClaim("scope").Value.Split(' '));
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));

        var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var info = await Oidc.SuccessAsync(await browser.SendAsync(userInfo));
        Assert.Equal(jwt.Subject, info.GetProperty("sub").GetString());
        Assert.Equal(email, info.GetProperty("email").GetString());
    }

    public static async Task AuthorizeWithoutPkceOrWithPlainIsRefused(IdentityTestHost host)
    {
        var email = NewEmail("nopkce");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.SignInAsync(browser, email, "correct horse 1")).StatusCode);

        var response = await browser.GetAsync(Oidc.AuthorizeUrl(pkce: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body);
        Assert.Contains("code_challenge", body);
        Assert.Null(response.Headers.Location);

        var pkce = Oidc.Pkce.Create();
        var plain = await browser.GetAsync(Oidc.AuthorizeUrl(pkce with { Challenge = pkce.Verifier }).Replace("code_challenge_method=S256", "code_challenge_method=plain"));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("code_challenge_method", await plain.Content.ReadAsStringAsync());
    }

    public static async Task RefreshRotatesAndReuseRevokesTheChain(IdentityTestHost host)
    {
        var email = NewEmail("refresh");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();
        var first = await Oidc.SignInWithCodeAsync(browser, email, "correct horse 1");
        var firstRefresh = first.GetProperty("refresh_token").GetString()!;

        var second = await Oidc.SuccessAsync(await Oidc.RefreshAsync(browser, firstRefresh));
        var secondRefresh = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(firstRefresh, secondRefresh);
        var renewed = await Oidc.ValidateAccessTokenAsync(browser, second.GetProperty("access_token").GetString()!);
        Assert.Equal(email, renewed.GetClaim("email").Value);

        // The rotated-out token again: refused, and as a sign of theft the whole chain is revoked.
        Assert.Equal("invalid_grant", await Oidc.ErrorAsync(await Oidc.RefreshAsync(browser, firstRefresh)));
        Assert.Equal("invalid_grant", await Oidc.ErrorAsync(await Oidc.RefreshAsync(browser, secondRefresh)));
    }

    public static async Task OperatorGetsAdminTokenAndBadClientsAreRefused(IdentityTestHost host)
    {
        using var client = host.NewBrowser();

        var tokens = await Oidc.SuccessAsync(await Oidc.ClientCredentialsAsync(client, "operator", IdentityTestHost.OperatorSecret));
        var jwt = await Oidc.ValidateAccessTokenAsync(client, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("operator", jwt.Subject);
        Assert.Equal(["admin"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.False(tokens.TryGetProperty("refresh_token", out _));

        var wrongSecret = await Oidc.ClientCredentialsAsync(client, "operator", "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", await Oidc.ErrorAsync(wrongSecret));
        Assert.Equal("invalid_client", await Oidc.ErrorAsync(await Oidc.ClientCredentialsAsync(client, "intruder", "anything")));
        // The public storefront has no secret and no client credentials grant.
        Assert.NotEqual(HttpStatusCode.OK, (await Oidc.TokenAsync(client, new() { ["grant_type"] = "client_credentials", ["client_id"] = "storefront" })).StatusCode);
    }

    public static async Task LoadGenGetsMachineTokenWithoutAScope(IdentityTestHost host)
    {
        using var client = host.NewBrowser();
        var tokens = await Oidc.SuccessAsync(await Oidc.ClientCredentialsAsync(client, "loadgen", IdentityTestHost.LoadGenSecret, scope: null));
        var jwt = await Oidc.ValidateAccessTokenAsync(client, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("loadgen", jwt.Subject);
        Assert.Equal(["machine"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }

    public static async Task PasswordGrantOnlyForLoadGen(IdentityTestHost host)
    {
        var email = NewEmail("loadgen-shopper");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var client = host.NewBrowser();

        var tokens = await Oidc.SuccessAsync(await Oidc.PasswordAsync(client, "loadgen", IdentityTestHost.LoadGenSecret, email, "correct horse 1"));
        var jwt = await Oidc.ValidateAccessTokenAsync(client, tokens.GetProperty("access_token").GetString()!);
        Assert.Matches("^[0-9a-f]{32}$", jwt.Subject);
        Assert.Equal(email, jwt.GetClaim("email").Value);

        Assert.Equal("invalid_grant", await Oidc.ErrorAsync(await Oidc.PasswordAsync(client, "loadgen", IdentityTestHost.LoadGenSecret, email, "wrong password")));
        Assert.Equal("unauthorized_client", await Oidc.ErrorAsync(await Oidc.PasswordAsync(client, "operator", IdentityTestHost.OperatorSecret, email, "correct horse 1")));
        Assert.NotEqual(HttpStatusCode.OK, (await Oidc.PasswordAsync(client, "storefront", null, email, "correct horse 1")).StatusCode);
    }

    public static async Task SeededAdminGetsAdminRole(IdentityTestHost host)
    {
        using var browser = host.NewBrowser();
        var tokens = await Oidc.SignInWithCodeAsync(browser, host.AdminEmail, IdentityTestHost.AdminPassword);
        var jwt = await Oidc.ValidateAccessTokenAsync(browser, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(["admin"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        var idToken = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(jwt.Subject, idToken.Subject);
        Assert.Equal("admin", idToken.GetClaim("role").Value);
    }

    public static async Task EndSessionConfirmsThenRedirectsAndForgetsTheSession(IdentityTestHost host)
    {
        var email = NewEmail("endsession");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();
        var tokens = await Oidc.SignInWithCodeAsync(browser, email, "correct horse 1");

        var url = QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString(), ["post_logout_redirect_uri"] = Oidc.PostLogoutRedirectUri, ["state"] = "bye",
        });
        var confirmed = await Pages.SubmitAsync(browser, url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith(Oidc.PostLogoutRedirectUri, confirmed.Headers.Location!.AbsoluteUri);
        Assert.Equal("bye", QueryHelpers.ParseQuery(confirmed.Headers.Location.Query)["state"].ToString());
        var again = await browser.GetAsync(Oidc.AuthorizeUrl(Oidc.Pkce.Create()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/identity/signin", new Uri(host.BaseAddress, again.Headers.Location!).AbsolutePath);
    }

    public static async Task DiscoveryNamesTheContractEndpoints(IdentityTestHost host)
    {
        using var client = host.NewBrowser();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{origin}/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{origin}/connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{origin}/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal($"{origin}/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal($"{origin}/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("k8shop", discovery.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }
}
