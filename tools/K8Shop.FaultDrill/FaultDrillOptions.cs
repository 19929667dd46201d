using K8Shop.Tools.Auth;

namespace K8Shop.FaultDrill;

/// <summary>What the drill does: checkouts over limited stock through one gateway, with one node killed part way.</summary>
public sealed record FaultDrillOptions
{
    public required Uri GatewayUrl { get; init; }

    /// <summary>The client whose token sets stock and reads every order back (role admin: the operator).</summary>
    public required ClientCredentials AdminClient { get; init; }

    /// <summary>
    /// The <c>loadgen</c> client: its password grant signs in the shopper accounts the drill creates ahead, and each
    /// checkout carries its shopper's token. Null sends checkouts without a token (a gateway with Auth__Mode=open).
    /// </summary>
    public ClientCredentials? ShopperClient { get; init; }

    /// <summary>The token endpoint (its origin also serves the sign-up page); null means <c>connect/token</c> under the gateway.</summary>
    public Uri? TokenUrl { get; init; }

    public Uri EffectiveTokenUrl => TokenUrl ?? new Uri(GatewayUrl, "connect/token");

    public int Checkouts { get; init; } = 200;

    public int Clients { get; init; } = 32;

    /// <summary>Kill the target once this share of the checkouts has been acknowledged.</summary>
    public double KillAtProgress { get; init; } = 0.4;

    public TimeSpan RestartAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after the restart every stored order must be in a final state.</summary>
    public TimeSpan SettleWithin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one client keeps retrying one checkout before it gives up.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public IReadOnlyList<string> Skus { get; init; } = ["BOOK-001", "BOOK-002", "BOOK-003", "BOOK-004"];

    /// <summary>Units set on hand per SKU before the run: fewer than the checkouts ask for, so some are refused.</summary>
    public int StockPerSku { get; init; } = 70;

    /// <summary>Distinct shoppers the checkouts are spread over.</summary>
    public int Users { get; init; } = 25;

    /// <summary>Every this-many-th checkout pays with a card that declines (0: none).</summary>
    public int DeclineEvery { get; init; } = 10;

    /// <summary>Makes this run's keys and shoppers its own.</summary>
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..12];
}
