using K8Shop.LoadGen.Events;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Cli;

/// <summary>How operations start: each of a fixed set of clients after its previous one, or on a fixed schedule.</summary>
public enum LoadMode
{
    ClosedLoop,
    OpenLoop,
}

/// <summary>One run's settings, as <see cref="ArgumentParser"/> validated them. A class, not a record, so no secret lands in a ToString.</summary>
public sealed class LoadGenOptions
{
    public string Scenario { get; init; } = "hot-sku";
    public Uri Url { get; init; } = new("http://127.0.0.1:8080/");
    public LoadMode Mode { get; init; } = LoadMode.ClosedLoop;
    public int Clients { get; init; } = 16;
    public double Rate { get; init; }
    public int MaxInFlight { get; init; } = 1000;

    /// <summary>The measured length; null when <see cref="Operations"/> bounds the run instead.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many operations to measure after the warmup; null when <see cref="Duration"/> bounds the run.</summary>
    public long? Operations { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public string Sku { get; init; } = "BOOK-001";
    public int Skus { get; init; } = 150;
    public double Skew { get; init; } = 1.1;
    public int Seed { get; init; } = 42;
    public double ReleaseRatio { get; init; } = 0.2;
    public double CommitRatio { get; init; } = 0.3;
    public double RepeatRatio { get; init; }
    public int? SetupStock { get; init; }

    /// <summary>Tokens on every load request (shopper tokens for checkouts, the machine token for stock moves); false is --auth open.</summary>
    public bool AuthRequired { get; init; } = true;

    /// <summary>The tool's own client: its client-credentials token moves stock; as <c>loadgen</c>, its password grant signs shoppers in.</summary>
    public ClientCredentials? Client { get; init; }

    /// <summary>The client whose token sets stock (--setup-stock needs the admin role: the operator); the tool's own client unless given.</summary>
    public ClientCredentials? AdminClient { get; init; }

    /// <summary>The token endpoint; null means <c>connect/token</c> under --url.</summary>
    public Uri? TokenUrl { get; init; }

    /// <summary>checkout with --auth required: how many shopper accounts to create ahead; null sizes the pool from the concurrency.</summary>
    public int? Shoppers { get; init; }
    public int TtlSeconds { get; init; } = 3600;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public string? JsonPath { get; init; }

    /// <summary>The HTML report with charts: --html, else next to --json (same name, .html); null writes none.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>--chaos: the fault schedule played during the measured load; null switches nothing.</summary>
    public ChaosOptions? Chaos { get; init; }

    /// <summary>checkout: how many more times an order is sent, same key and body, after a retryable failure.</summary>
    public int OrderRetries { get; init; } = 3;

    /// <summary>checkout: how many settled orders (a uniform sample) to read back and replay after the load.</summary>
    public int VerifySample { get; init; } = 1000;

    /// <summary>checkout: share of orders paid with a token the payment service declines.</summary>
    public double DeclineRatio { get; init; }

    /// <summary>checkout: the event watcher (--events-amqp and the rest); null watches nothing.</summary>
    public EventWatchOptions? Events { get; init; }

    /// <summary>How many requests can be in flight at once, which is also the connection pool's size.</summary>
    public int Concurrency => Mode == LoadMode.ClosedLoop ? Clients : MaxInFlight;

    public Uri EffectiveTokenUrl => TokenUrl ?? new Uri(Url, "connect/token");
}
