using K8Shop.LoadGen.Cli;

namespace K8Shop.LoadGen.Tests.Cli;

public sealed class ArgumentParserTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    /// <summary>The tool's client in the environment, as the scripts pass it: most tests are about other options.</summary>
    private static readonly Func<string, string?> ClientEnvironment = name => name switch
    {
        ArgumentParser.ClientIdVariable => "loadgen",
        ArgumentParser.ClientSecretVariable => "loadgen-secret",
        _ => null,
    };

    [Fact]
    public void NoArguments_GiveTheDocumentedDefaults()
    {
        var options = Valid();

        Assert.Equal("hot-sku", options.Scenario);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), options.Url);
        Assert.Equal(LoadMode.ClosedLoop, options.Mode);
        Assert.Equal(16, options.Clients);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Null(options.Operations);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Warmup);
        Assert.Equal("BOOK-001", options.Sku);
        Assert.Equal((0.2, 0.3, 0.0), (options.ReleaseRatio, options.CommitRatio, options.RepeatRatio));
        Assert.Equal(3600, options.TtlSeconds);
        Assert.Null(options.SetupStock);
    }

    [Fact]
    public void OpenLoopMixedRun_ReadsEveryValue_InBothSpellings()
    {
        var options = Valid(
            "--scenario", "mixed", "--rate=250.5", "--max-in-flight", "64", "--operations", "10000", "--warmup", "500ms",
            "--skus", "20", "--skew=0.8", "--seed", "7", "--setup-stock", "1000", "--admin-client-id", "operator", "--admin-client-secret", "k", "--url", "http://gw:9000/api");

        Assert.Equal(LoadMode.OpenLoop, options.Mode);
        Assert.Equal(250.5, options.Rate);
        Assert.Equal(64, options.MaxInFlight);
        Assert.Equal(64, options.Concurrency);
        Assert.Equal(10_000, options.Operations);
        Assert.Null(options.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Warmup);
        Assert.Equal((20, 0.8, 7), (options.Skus, options.Skew, options.Seed));
        Assert.Equal(1000, options.SetupStock);
        Assert.Equal(("operator", "k"), (options.AdminClient?.ClientId, options.AdminClient?.Secret));
        Assert.Equal(("loadgen", "loadgen-secret"), (options.Client?.ClientId, options.Client?.Secret));
        Assert.Equal("http://gw:9000/api/connect/token", options.EffectiveTokenUrl.ToString());
        Assert.Equal("http://gw:9000/api/", options.Url.ToString());
    }

    [Fact]
    public void CheckoutRun_ReadsItsOptions_AndSharesTheHotSkuAndSkew()
    {
        var options = Valid(
            "--scenario", "checkout", "--rate", "120", "--sku", "BOOK-007", "--skus", "40", "--skew", "0.9",
            "--order-retries", "5", "--verify-sample", "50", "--decline-ratio", "0.1", "--repeat-ratio", "0.05");

        Assert.Equal("checkout", options.Scenario);
        Assert.Equal(LoadMode.OpenLoop, options.Mode);
        Assert.Equal(120, options.Rate);
        Assert.Equal(("BOOK-007", 40, 0.9), (options.Sku, options.Skus, options.Skew));
        Assert.Equal((5, 50, 0.1, 0.05), (options.OrderRetries, options.VerifySample, options.DeclineRatio, options.RepeatRatio));
    }

    [Fact]
    public void CheckoutDefaults_RetryThreeTimes_VerifyAThousandOrders_DeclineNone()
    {
        var options = Valid("--scenario", "checkout");

        Assert.Equal((3, 1000, 0.0), (options.OrderRetries, options.VerifySample, options.DeclineRatio));
        Assert.Equal("BOOK-001", options.Sku);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250ms", 250)]
    [InlineData("2m", 120_000)]
    [InlineData("45", 45_000)]
    public void Duration_AcceptsUnits(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Valid("--duration", text).Duration);

    [Fact]
    public void Clients_ComeFromTheEnvironmentWhenNotGiven_AndTheAdminClientDefaultsToTheToolsOwn()
    {
        var options = Valid("--setup-stock", "10");

        Assert.Equal("loadgen", options.Client?.ClientId);
        Assert.Same(options.Client, options.AdminClient);
        Assert.True(options.AuthRequired);
    }

    [Fact]
    public void ClientOptions_WinOverTheEnvironment_AndTheTokenUrlMayBeElsewhere()
    {
        var options = Valid("--client-id", "operator", "--client-secret", "s", "--token-url", "http://idp:7000/connect/token");

        Assert.Equal(("operator", "s"), (options.Client?.ClientId, options.Client?.Secret));
        Assert.Equal("http://idp:7000/connect/token", options.EffectiveTokenUrl.ToString());
    }

    [Fact]
    public void OpenAuth_NeedsNoClient_UnlessItSetsStock()
    {
        var open = ArgumentParser.Parse(["--scenario", "checkout", "--auth", "open"], NoEnvironment);

        Assert.True(open.Options is { AuthRequired: false, Client: null }, open.Error);
        Assert.StartsWith("--setup-stock needs an admin client", ArgumentParser.Parse(["--auth", "open", "--setup-stock", "1"], NoEnvironment).Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheClientSecret_IsNeverInTheOptionsText()
    {
        var options = Valid("--client-secret", "hunter2", "--client-id", "loadgen");

        Assert.DoesNotContain("hunter2", options.Client!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--auth required (the default) needs the loadgen client for the shoppers' password grant: --client-id and --client-secret (or K8SHOP_CLIENT_ID and K8SHOP_CLIENT_SECRET); --auth open sends no tokens", "--scenario", "checkout")]
    [InlineData("--auth required (the default) needs a machine or admin client for stock moves: --client-id and --client-secret (or K8SHOP_CLIENT_ID and K8SHOP_CLIENT_SECRET); --auth open sends no tokens")]
    [InlineData("--client-id and --client-secret go together (or K8SHOP_CLIENT_ID and K8SHOP_CLIENT_SECRET)", "--client-id", "loadgen")]
    [InlineData("--auth must be required or open, got 'maybe'", "--auth", "maybe")]
    [InlineData("--shoppers only applies with --auth required (open mode uses a fresh user id per checkout)", "--scenario", "checkout", "--auth", "open", "--shoppers", "5")]
    public void MissingOrHalfGivenClients_SayWhatIsNeeded(string error, params string[] args) =>
        Assert.Equal(error, ArgumentParser.Parse(args, NoEnvironment).Error);

    [Theory]
    [InlineData("unknown option '--colour'", "--colour", "red")]
    [InlineData("unexpected argument 'hot-sku' (options start with --)", "hot-sku")]
    [InlineData("--clients needs a value", "--clients")]
    [InlineData("--clients must be an integer from 1 to 100000, got '0'", "--clients", "0")]
    [InlineData("--clients must be an integer from 1 to 100000, got 'many'", "--clients", "many")]
    [InlineData("--clients (closed loop) and --rate (open loop) exclude each other", "--clients", "4", "--rate", "100")]
    [InlineData("--max-in-flight only applies to an open loop (--rate)", "--max-in-flight", "10")]
    [InlineData("--duration and --operations exclude each other", "--duration", "10s", "--operations", "5")]
    [InlineData("--duration must be a positive duration such as 500ms, 30s or 2m, got '0'", "--duration", "0")]
    [InlineData("--warmup must be a duration such as 0, 500ms, 5s or 2m, got 'soon'", "--warmup", "soon")]
    [InlineData("--scenario must be one of hot-sku, mixed, checkout, got 'browse'", "--scenario", "browse")]
    [InlineData("--skus only applies to the mixed and checkout scenarios, not hot-sku", "--skus", "10")]
    [InlineData("--sku only applies to the hot-sku and checkout scenarios, not mixed", "--scenario", "mixed", "--sku", "BOOK-002")]
    [InlineData("--release-ratio only applies to the hot-sku and mixed scenarios, not checkout", "--scenario", "checkout", "--release-ratio", "0.5")]
    [InlineData("--ttl only applies to the hot-sku and mixed scenarios, not checkout", "--scenario", "checkout", "--ttl", "60")]
    [InlineData("--verify-sample only applies to the checkout scenario, not hot-sku", "--verify-sample", "10")]
    [InlineData("--decline-ratio only applies to the checkout scenario, not mixed", "--scenario", "mixed", "--decline-ratio", "0.1")]
    [InlineData("--order-retries must be an integer from 0 to 10, got '11'", "--scenario", "checkout", "--order-retries", "11")]
    [InlineData("--decline-ratio must be a number from 0 to 1, got '2'", "--scenario", "checkout", "--decline-ratio", "2")]
    [InlineData("--release-ratio must be a number from 0 to 1, got '1.5'", "--release-ratio", "1.5")]
    [InlineData("--rate must be a number above 0 and at most 1000000, got '0'", "--rate", "0")]
    [InlineData("--shoppers only applies to the checkout scenario, not hot-sku", "--shoppers", "10")]
    [InlineData("--url must be an absolute http:// or https:// address, got 'localhost:8080'", "--url", "localhost:8080")]
    [InlineData("--events-amqp only applies to the checkout scenario, not hot-sku", "--events-amqp", "amqp://u:p@h/")]
    [InlineData("--events-management needs --events-amqp", "--scenario", "checkout", "--events-management", "http://h:15672")]
    [InlineData("--events-amqp must be an absolute amqp:// or amqps:// address", "--scenario", "checkout", "--events-amqp", "http://u:secret@h/")]
    [InlineData("--events-management must be an absolute http:// or https:// address", "--scenario", "checkout", "--events-amqp", "amqp://h/", "--events-management", "h:15672")]
    [InlineData("--events-queues must be queue names or patterns separated by commas, got 'a,,b'", "--scenario", "checkout", "--events-amqp", "amqp://h/", "--events-queues", "a,,b")]
    [InlineData("--seed is given more than once", "--seed", "1", "--seed", "2")]
    public void InvalidArguments_SayWhatIsWrong(string error, params string[] args)
    {
        var result = ArgumentParser.Parse(args, ClientEnvironment);

        Assert.Null(result.Options);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Help_IsRecognised()
    {
        Assert.True(ArgumentParser.Parse(["--clients", "3", "--help"], NoEnvironment).HelpRequested);
    }

    [Fact]
    public async Task BadArguments_ExitWith2_AndPrintTheErrorAndUsageOnStderr()
    {
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        var exitCode = await LoadGenApp.RunAsync(["--rate", "fast"], output, diagnostics, progressInPlace: false, CancellationToken.None);

        Assert.Equal(LoadGenApp.ExitBadArguments, exitCode);
        Assert.Equal("", output.ToString());
        Assert.StartsWith("k8shop-loadgen: --rate must be a number", diagnostics.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: k8shop-loadgen", diagnostics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EventsOptions_AreReadForCheckout_WithDefaultsFollowingTheExchange()
    {
        var watch = Valid("--scenario", "checkout", "--events-amqp", "amqp://k8shop:k8shop@127.0.0.1:5672/", "--events-exchange", "shop").Events;

        Assert.NotNull(watch);
        Assert.Equal(new Uri("amqp://k8shop:k8shop@127.0.0.1:5672/"), watch.Amqp);
        Assert.Equal("shop", watch.Exchange);
        Assert.Null(watch.Management);
        Assert.Equal(["notification-service", "shop.*"], watch.QueuePatterns);
        Assert.Equal(TimeSpan.FromSeconds(15), watch.Drain);
        Assert.Equal(TimeSpan.FromSeconds(1), watch.P99Goal);
    }

    [Fact]
    public void EventsOptions_TakeManagementQueuesAndDrain_AndWithoutThemNothingIsWatched()
    {
        var watch = Valid("--scenario", "checkout", "--events-amqp", "amqp://h/", "--events-management", "http://h:15672",
            "--events-queues", "notification-service, orders.bench.events.*", "--events-drain", "0").Events!;

        Assert.Equal(new Uri("http://h:15672"), watch.Management);
        Assert.Equal(["notification-service", "orders.bench.events.*"], watch.QueuePatterns);
        Assert.Equal(TimeSpan.Zero, watch.Drain);
        Assert.Null(Valid("--scenario", "checkout").Events);
    }

    [Fact]
    public void ABadEventsAmqpUri_IsNotEchoed_SinceItMayHoldAPassword()
    {
        var result = ArgumentParser.Parse(["--scenario", "checkout", "--events-amqp", "http://u:hunter2@h/"], NoEnvironment);

        Assert.Null(result.Options);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    private static LoadGenOptions Valid(params string[] args)
    {
        var result = ArgumentParser.Parse(args, ClientEnvironment);
        Assert.True(result.Options is not null, result.Error);
        return result.Options;
    }
}
