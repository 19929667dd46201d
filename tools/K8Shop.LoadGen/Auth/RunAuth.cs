using K8Shop.LoadGen.Cli;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Auth;

/// <summary>
/// A run's tokens, all fetched before the load: the admin client's (stock setup), the tool's own client's (stock moves,
/// under --auth required) and, for checkout under --auth required, the shopper accounts created ahead.
/// </summary>
public sealed class RunAuth : IDisposable
{
    private const int MostDefaultShoppers = 256;

    private readonly HttpClient _http;

    private RunAuth(HttpClient http) => _http = http;

    public IAccessTokenSource? Admin { get; private init; }

    public IAccessTokenSource? Machine { get; private init; }

    public ShopperPool? Shoppers { get; private init; }

    /// <summary>The token that reads (and, with --chaos, sets) the fault switches: the operator's, else the tool's own client's; null if neither.</summary>
    public IAccessTokenSource? Faults { get; private init; }

    /// <summary>Why <see cref="Faults"/> is null: no client, or its token was refused (only --chaos makes that a setup failure).</summary>
    public string? FaultsUnavailable { get; private init; }

    public static async Task<RunAuth> PrepareAsync(LoadGenOptions options, bool checkout, string runTag, TextWriter progress, CancellationToken stop)
    {
        // Its own small client: sign-ups and token requests are not load, and must not take the load's connections.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var tokenUrl = options.EffectiveTokenUrl;
        var client = options.Client is { } own ? new TokenEndpointClient(http, tokenUrl, own) : null;
        var admin = options.AdminClient is { } operatorClient ? new TokenEndpointClient(http, tokenUrl, operatorClient) : null;
        try
        {
            var machine = options.AuthRequired && !checkout ? await FetchedAsync(client!, stop) : null;
            // One client for both (the default) shares one token.
            var adminToken = options.SetupStock is null && options.Chaos is null ? null
                : ReferenceEquals(options.AdminClient, options.Client) && machine is not null ? machine : await FetchedAsync(admin!, stop);
            var (faults, unavailable) = await FaultsTokenAsync(adminToken ?? machine, admin ?? client, stop);
            var auth = new RunAuth(http)
            {
                Admin = adminToken,
                Machine = machine,
                Shoppers = options.AuthRequired && checkout ? await CreateShoppersAsync(options, client!, http, runTag, progress, stop) : null,
                Faults = faults,
                FaultsUnavailable = unavailable,
            };
            return auth;
        }
        catch (TokenRequestException error)
        {
            http.Dispose();
            throw new Running.SetupFailedException(error.Message);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Watching faults is a bonus: a refused token says so in the report instead of failing the setup.</summary>
    private static async Task<(IAccessTokenSource? Token, string? Unavailable)> FaultsTokenAsync(
        IAccessTokenSource? fetched, TokenEndpointClient? endpoint, CancellationToken stop)
    {
        if (fetched is not null)
            return (fetched, null);
        if (endpoint is null)
            return (null, "no admin or machine client (--admin-client-id or --client-id), so GET /admin/faults was not polled");
        try
        {
            return (await FetchedAsync(endpoint, stop), null);
        }
        catch (TokenRequestException error)
        {
            return (null, $"no token for GET /admin/faults: {error.Message}");
        }
    }

    /// <summary>A cached client-credentials token, fetched once now so a wrong secret fails the setup, not the load.</summary>
    private static async Task<IAccessTokenSource> FetchedAsync(TokenEndpointClient endpoint, CancellationToken stop)
    {
        var source = new CachedAccessToken(endpoint.ClientCredentialsAsync);
        await source.GetAsync(stop);
        return source;
    }

    private static async Task<ShopperPool> CreateShoppersAsync(
        LoadGenOptions options, TokenEndpointClient loadgen, HttpClient http, string runTag, TextWriter progress, CancellationToken stop)
    {
        var count = options.Shoppers ?? DefaultShoppers(options);
        var started = TimeProvider.System.GetTimestamp();
        await progress.WriteLineAsync($"k8shop-loadgen: creating {count} shopper account(s) through the sign-up page, then signing each in (password grant of '{loadgen.Client}')");
        var accounts = await new ShopperAccounts(http, loadgen).CreateAsync(runTag, count, stop);
        await progress.WriteLineAsync($"k8shop-loadgen: {count} shopper account(s) ready in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s (not in the figures)");
        return new ShopperPool(accounts);
    }

    /// <summary>One per checkout that can run at once, and a quarter more for those retired in doubt.</summary>
    private static int DefaultShoppers(LoadGenOptions options)
    {
        var concurrent = options.Mode == LoadMode.ClosedLoop ? options.Clients : Math.Min(options.MaxInFlight, MostDefaultShoppers);
        return concurrent + Math.Max(4, concurrent / 4);
    }
}
