using System.Net;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Security;

/// <summary>
/// Rate limits, CORS and the Server header on a host of their own (<see cref="EdgeHostFixture"/>). Only the rate
/// limit test spends the per-address budget: CORS preflights are answered before the limiter, health is never
/// counted, and credential POSTs have their own budget.
/// </summary>
public sealed class EdgeLimitsTests(EdgeHostFixture edge) : IClassFixture<EdgeHostFixture>
{
    [Fact]
    public async Task PerAddressLimit_Exceeded_Is429WithRetryAfterAndAProblem_WhileHealthStillAnswers()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < EdgeHostFixture.PerAddressLimit + 3 && rejected is null; i++)
        {
            var response = await edge.Client.GetAsync("/catalog");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                rejected = response;
        }
        var health = await edge.Client.GetAsync("/health/live");

        Assert.NotNull(rejected);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= EdgeHostFixture.PerAddressLimit, string.Join(",", statuses));
        var retryAfter = int.Parse(Assert.Single(rejected.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = await rejected.ReadJsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task CredentialPosts_PastTheStricterLimit_Are429WithRetryAfter()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < EdgeHostFixture.AuthLimit + 1; i++)
            answers.Add(await edge.Client.PostAsync(i % 2 == 0 ? "/connect/token" : "/identity/signin", Form()));

        Assert.All(answers.Take(EdgeHostFixture.AuthLimit), a => Assert.NotEqual(HttpStatusCode.TooManyRequests, a.StatusCode));
        var rejected = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(rejected.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Preflight_FromTheConfiguredOrigin_IsAllowed()
    {
        var response = await Preflight(EdgeHostFixture.AllowedOrigin, "/cart/someone/items", "POST");

        Assert.Equal(EdgeHostFixture.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cart/someone/items", "POST")]
    [InlineData("/catalog", "GET")]
    public async Task Preflight_FromAnotherOrigin_IsNotAllowed(string path, string method)
    {
        var response = await Preflight("https://evil.example.net", path, method);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnyResponse_OnKestrel_HasNoServerHeader()
    {
        var response = await edge.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
    }

    private async Task<HttpResponseMessage> Preflight(string origin, string path, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await edge.Client.SendAsync(request);
    }

    private static FormUrlEncodedContent Form() =>
        new([new("grant_type", "password"), new("username", "nobody@example.com"), new("password", "guess")]);
}
