using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using K8Shop.ContractTests.Hosts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.ContractTests.Security;

/// <summary>
/// Pointed at Amazon Cognito, a gateway needs only an authority, an audience and two claim names: Cognito's access
/// tokens name their app client in <c>client_id</c> (no <c>aud</c>) and their groups in <c>cognito:groups</c>.
/// </summary>
public sealed class CognitoTokenTests : IAsyncLifetime
{
    private const string AppClient = "4l1c3cl13nt";

    private readonly K8ShopHost _host = new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "embedded",
        ["Auth:Audience"] = AppClient,
        ["Auth:AudienceClaim"] = "client_id",
        ["Auth:RoleClaim"] = "cognito:groups",
    });

    [Fact]
    public async Task A_Cognito_access_token_for_the_app_client_acts_for_its_subject_and_its_groups()
    {
        var shopper = Client(Cognito("ana-sub", AppClient));
        var admin = Client(Cognito("ops-sub", AppClient, "admin"));

        Assert.Equal(HttpStatusCode.OK, (await shopper.GetAsync("/cart/ana-sub")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/cart/someone-else")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.GetAsync("/hot-skus")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hot-skus")).StatusCode);
    }

    [Fact]
    public async Task A_Cognito_token_of_another_app_client_is_401()
    {
        var other = Client(Cognito("ana-sub", "another-client"));

        var response = await other.PostAsJsonAsync("/cart/ana-sub/items", new { productId = "BOOK-001", quantity = 1, price = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An access token shaped as Cognito issues them: token_use access, client_id, cognito:groups, no aud.</summary>
    private static string Cognito(string subject, string clientId, params string[] groups)
    {
        var claims = new List<Claim> { new("sub", subject), new("client_id", clientId), new("token_use", "access"), new("scope", "k8shop-api/shop") };
        claims.AddRange(groups.Select(group => new Claim("cognito:groups", group)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = TestTokens.Issuer,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(TestTokens.Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
