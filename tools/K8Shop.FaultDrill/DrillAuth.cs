using K8Shop.Tools.Auth;

namespace K8Shop.FaultDrill;

/// <summary>
/// The drill's tokens, before any checkout: the admin client's, and (with a shopper client) one account per shopper,
/// created through the sign-up page and signed in with the password grant. Shopper ids are then the tokens' <c>sub</c>.
/// </summary>
public sealed class DrillAuth : IDisposable
{
    private readonly HttpClient _http;

    private DrillAuth(HttpClient http, IAccessTokenSource admin, IReadOnlyList<ShopperAccount>? accounts)
    {
        _http = http;
        Admin = admin;
        AccountIds = accounts?.Select(a => a.UserId).ToArray();
        Shoppers = accounts?.ToDictionary(a => a.UserId, a => a.Tokens, StringComparer.Ordinal);
    }

    public IAccessTokenSource Admin { get; }

    /// <summary>The shoppers' user ids in plan order; null when checkouts carry no token.</summary>
    public IReadOnlyList<string>? AccountIds { get; }

    public IReadOnlyDictionary<string, IAccessTokenSource>? Shoppers { get; }

    public static async Task<DrillAuth> PrepareAsync(FaultDrillOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        // Its own client, without a cookie jar: the sign-up form's antiforgery cookie is carried by hand, one account at a time.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var admin = new CachedAccessToken(new TokenEndpointClient(http, options.EffectiveTokenUrl, options.AdminClient).ClientCredentialsAsync);
            // Fetched now, so a wrong secret fails before any stock is touched.
            await admin.GetAsync(cancellationToken);
            IReadOnlyList<ShopperAccount>? accounts = null;
            if (options.ShopperClient is { } shopperClient)
            {
                var endpoint = new TokenEndpointClient(http, options.EffectiveTokenUrl, shopperClient);
                accounts = await new ShopperAccounts(http, endpoint).CreateAsync($"fault-{options.RunId}", options.Users, cancellationToken);
                log($"{accounts.Count} shopper accounts created and signed in (password grant of '{shopperClient}')");
            }
            return new DrillAuth(http, admin, accounts);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
