using System.Security.Cryptography;
using K8Shop.Tools.Auth;

namespace K8Shop.IntegrationTests.Identity;

/// <summary>
/// One identity provider for every silo of a test: each silo co-hosts its own, so they share PEM keys generated here,
/// one issuer (the first silo's address, which is also the standalone gateway's authority) and the accounts and
/// clients in a PostgreSQL schema of the test's database. The operator and loadgen clients get per-test secrets.
/// </summary>
public sealed class ClusterIdentity : IDisposable
{
    // Without a cookie jar: the sign-up form's antiforgery cookie is carried by hand, one account at a time.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public const string OperatorClientId = "operator";
    public const string LoadGenClientId = "loadgen";

    private ClusterIdentity(string issuer) => Issuer = issuer;

    /// <summary>The first silo's HTTP address: tokens come from it and name it as their issuer.</summary>
    public string Issuer { get; }

    public string OperatorSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string LoadGenSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public IReadOnlyDictionary<string, string> SiloSettings { get; private set; } = new Dictionary<string, string>();

    public ClientCredentials Operator => new(OperatorClientId, OperatorSecret);

    public ClientCredentials LoadGen => new(LoadGenClientId, LoadGenSecret);

    public Uri TokenUrl => new(Issuer + "/connect/token");

    public static ClusterIdentity Create(string postgres, string issuer)
    {
        var identity = new ClusterIdentity(issuer.TrimEnd('/'));
        identity.SiloSettings = new Dictionary<string, string>
        {
            ["Identity__Store"] = "postgres",
            ["ConnectionStrings__Identity"] = postgres,
            ["Identity__Issuer"] = identity.Issuer,
            ["Identity__SigningKey"] = NewPemKey(),
            ["Identity__EncryptionKey"] = NewPemKey(),
            ["Identity__OperatorClient__Secret"] = identity.OperatorSecret,
            ["Identity__LoadGenClient__Secret"] = identity.LoadGenSecret,
            ["Identity__RequireHttps"] = "false",
        };
        return identity;
    }

    /// <summary>The settings of a standalone gateway that trusts these silos' tokens (discovery over plain HTTP).</summary>
    public IEnumerable<KeyValuePair<string, string>> GatewaySettings() =>
        [new("Auth__Authority", Issuer), new("Auth__RequireHttpsMetadata", "false")];

    /// <summary>An operator token by client credentials, as an operator's script gets one.</summary>
    public async Task<string> OperatorTokenAsync(CancellationToken cancellation = default) =>
        (await new TokenEndpointClient(_http, TokenUrl, Operator).ClientCredentialsAsync(cancellation)).Value;

    /// <summary><paramref name="count"/> shopper accounts through the sign-up page, signed in by the loadgen client's password grant.</summary>
    public async Task<IReadOnlyList<ShopperAccount>> ShoppersAsync(string tag, int count, CancellationToken cancellation = default) =>
        await new ShopperAccounts(_http, new TokenEndpointClient(_http, TokenUrl, LoadGen)).CreateAsync(tag, count, cancellation);

    public void Dispose() => _http.Dispose();

    private static string NewPemKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    }
}
