using System.Net;
using System.Net.Http.Json;
using System.Text;
using K8Shop.ContractTests.Hosts;
using K8Shop.Gateways.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.ContractTests.Security;

/// <summary>
/// The authorization matrix, generated from the host's own routes (every endpoint, including the original's /api
/// paths that the OpenAPI document leaves out), so a route added later is in it without anyone writing a test:
/// anonymous callers get 401, shopper A gets 403 on B's user id and 404 on B's order or payment, a shopper gets 403 on
/// admin, stock and fault-switch routes, and none of it changes B's cart, contact, order or stock.
/// </summary>
public sealed class AuthorizationMatrixTests(RequiredAuthHost required) : IClassFixture<RequiredAuthHost>
{
    private const string Sku = "BOOK-001";

    [Fact]
    public void Every_route_names_a_policy_or_allows_anonymous_callers_on_purpose()
    {
        var undecided = RouteAuthorizationAudit.Undecided(Endpoints()).ToList();

        Assert.Empty(undecided);
        Assert.True(Routes().Count() > 60, "the matrix must see every route of the host");
    }

    [Fact]
    public async Task Every_path_in_the_OpenAPI_document_is_in_the_matrix()
    {
        var document = System.Text.Json.JsonDocument.Parse(await required.Client().GetStringAsync("/openapi/v1.json")).RootElement;
        var routes = Routes().Select(r => "/" + r.Pattern.Trim('/')).ToHashSet(StringComparer.Ordinal);

        var missing = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Where(p => !routes.Contains(p)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_protected_route_and_change_nothing()
    {
        var victim = await Victim.CreateAsync(required);
        var before = await victim.SnapshotAsync();
        var failures = new List<string>();

        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            var status = await SendAsync(required.Client(), route, victim);
            var expected = route.IsAdminPage ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized;
            if (status != expected)
                failures.Add($"{route}: {(int)status}, expected {(int)expected}");
        }

        Assert.Empty(failures);
        Assert.Equal(before, await victim.SnapshotAsync());
    }

    [Fact]
    public async Task Shopper_A_is_refused_everything_of_shopper_B_and_changes_nothing()
    {
        var victim = await Victim.CreateAsync(required);
        var before = await victim.SnapshotAsync();
        var attacker = required.Client(TestTokens.Shopper($"mallory-{Guid.NewGuid():N}"[..20]));
        var failures = new List<string>();
        var checkedRoutes = 0;

        foreach (var route in Routes().Where(r => !r.Anonymous))
        {
            var expected = route.IsAdminPage ? HttpStatusCode.Redirect
                : route.Policies.Contains(AuthPolicies.Admin) || route.Policies.Contains(AuthPolicies.Stock) || route.Policies.Contains(AuthPolicies.Faults) ? HttpStatusCode.Forbidden
                : route.NamesUser ? HttpStatusCode.Forbidden
                : route.NamesOrder ? HttpStatusCode.NotFound
                : (HttpStatusCode?)null;
            if (expected is null)
                continue;
            checkedRoutes++;
            var status = await SendAsync(attacker, route, victim);
            if (status != expected)
                failures.Add($"{route}: {(int)status}, expected {(int)expected}");
        }

        Assert.Empty(failures);
        Assert.True(checkedRoutes > 40, $"only {checkedRoutes} routes were checked");
        Assert.Equal(before, await victim.SnapshotAsync());
    }

    [Fact]
    public async Task Requests_naming_B_in_their_body_are_refused_and_change_nothing()
    {
        var victim = await Victim.CreateAsync(required);
        var before = await victim.SnapshotAsync();
        var attacker = required.Client(TestTokens.Shopper($"mallory-{Guid.NewGuid():N}"[..20]));

        var order = await attacker.PostAsJsonAsync("/orders", new { userId = victim.UserId, items = new[] { new { sku = Sku, qty = 1 } } });
        var payment = await attacker.PostAsJsonAsync("/payments", new { order_id = victim.OrderId, user_id = victim.UserId, total_amount = 10.0m });
        var merge = await attacker.PostAsJsonAsync($"/cart/{AttackerId(attacker)}/merge", new { guestId = victim.UserId });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (order.StatusCode, payment.StatusCode, merge.StatusCode));
        Assert.Equal(before, await victim.SnapshotAsync());
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", TestTokens.Mint("alice", expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "tampered", TestTokens.Tampered("mallory", "alice") },
        { "wrong audience", TestTokens.Mint("alice", audience: "another-api") },
        { "wrong issuer", TestTokens.Mint("alice", issuer: "https://evil.example/") },
        { "alg none", TestTokens.Unsigned("alice") },
        { "unknown key", TestTokens.ForeignKey("alice") },
        { "not a token", "alice" },
    };

    [Theory, MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_on_a_shopper_route_and_on_an_admin_route(string kind, string token)
    {
        var client = required.Client(token);

        var cart = await client.GetAsync("/cart/alice");
        var products = await client.PostAsJsonAsync("/products", new { sku = "X-1" });

        Assert.True(cart.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: cart answered {(int)cart.StatusCode}");
        Assert.True(products.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: products answered {(int)products.StatusCode}");
        Assert.Contains("invalid_token", cart.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_and_an_admin_reach_the_same_data_the_matrix_refuses()
    {
        var victim = await Victim.CreateAsync(required);
        var owner = required.Client(TestTokens.Shopper(victim.UserId));
        var admin = required.Client(TestTokens.Admin());

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/cart/{victim.UserId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/orders/{victim.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/payments/{victim.PaymentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/notifications/{victim.UserId}/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/orders/{victim.OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/orders/user/{victim.UserId}")).StatusCode);
    }

    private static string AttackerId(HttpClient client) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter).Subject;

    private EndpointDataSource Endpoints() => required.Host.Services.GetRequiredService<EndpointDataSource>();

    private IEnumerable<Route> Routes() =>
        Endpoints().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .Where(e => !e.RoutePattern.RawText!.Contains("CatalogService", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method => new Route(
                method,
                e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null && e.Metadata.GetMetadata<IAuthorizeData>() is null,
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "")])));

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Route route, Victim victim)
    {
        var path = route.Pattern
            .Replace("{userId}", victim.UserId, StringComparison.Ordinal)
            .Replace("{orderId}", victim.OrderId, StringComparison.Ordinal)
            .Replace("{paymentId}", victim.PaymentId, StringComparison.Ordinal)
            .Replace("{productId}", Sku, StringComparison.Ordinal)
            .Replace("{sku}", Sku, StringComparison.Ordinal)
            .Replace("{id}", Sku, StringComparison.Ordinal)
            .Replace("{reviewId}", victim.ReviewId, StringComparison.Ordinal);
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{\*\*[^}]+\}", "index.html");
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+:int\}", "1");
        if (route.Policies.Contains(AuthPolicies.OptionalShopper))
            path += $"?userId={victim.UserId}";
        if (route.Pattern.EndsWith("/by-key", StringComparison.Ordinal))
            path += $"?key={victim.IdempotencyKey}";
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), "/" + path.TrimStart('/'));
        if (route.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent(Body(route), Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A body that would pass validation, so a refusal cannot come from the payload instead of the caller.</summary>
    private static string Body(Route route) => route.Pattern switch
    {
        var p when p.EndsWith("/items", StringComparison.Ordinal) => $$"""{"productId":"{{Sku}}","quantity":1,"price":1}""",
        var p when p.EndsWith("/items/{productId}", StringComparison.Ordinal) => """{"quantity":0}""",
        var p when p.EndsWith("/contact", StringComparison.Ordinal) => """{"email":"mallory@example.com"}""",
        var p when p.EndsWith("/status", StringComparison.Ordinal) => """{"status":"shipped"}""",
        var p when p.EndsWith("/back-in-stock", StringComparison.Ordinal) => $$"""{"sku":"{{Sku}}"}""",
        var p when p.EndsWith("/reserve", StringComparison.Ordinal) => """{"order_id":"mallory","qty":1}""",
        var p when p.EndsWith("/commit", StringComparison.Ordinal) || p.EndsWith("/release", StringComparison.Ordinal) => """{"order_id":"mallory"}""",
        var p when p.EndsWith("/apply", StringComparison.Ordinal) => $$"""{"order_id":"mallory","items":[{"sku":"{{Sku}}","qty":1}]}""",
        var p when p.EndsWith("inventory/{sku}", StringComparison.Ordinal) => """{"stock":0}""",
        var p when p.EndsWith("/reviews/mine", StringComparison.Ordinal) => """{"rating":1,"text":"Written by someone else."}""",
        var p when p.EndsWith("/hidden", StringComparison.Ordinal) => """{"hidden":true}""",
        var p when p.EndsWith("/merge", StringComparison.Ordinal) => """{"guestId":"guest-00000000000000000000000000000000"}""",
        _ => "{}",
    };

    private sealed record Route(string Method, string Pattern, bool Anonymous, string[] Policies)
    {
        public bool NamesUser => Pattern.Contains("{userId}", StringComparison.Ordinal) || Policies.Contains(AuthPolicies.OptionalShopper);

        public bool NamesOrder => Pattern.Contains("{orderId}", StringComparison.Ordinal) || Pattern.Contains("{paymentId}", StringComparison.Ordinal) || Pattern.EndsWith("/by-key", StringComparison.Ordinal);

        /// <summary>A browser page for admins (the dashboard): a caller without the admin's sign-in cookie is sent to sign in.</summary>
        public bool IsAdminPage => Policies.Contains(K8Shop.Silo.Hosting.IdentityCoHostingExtensions.AdminConsolePolicy);

        public override string ToString() => $"{Method} {Pattern}";
    }
}
