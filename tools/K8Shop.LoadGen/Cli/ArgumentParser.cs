using K8Shop.LoadGen.Scenarios;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Cli;

/// <summary>
/// Reads "--name value" or "--name=value" arguments into <see cref="LoadGenOptions"/>. Every option is known,
/// given once, in range, and meaningful for the chosen scenario and mode; anything else is an error, not a guess.
/// </summary>
public static class ArgumentParser
{
    /// <summary>Where the client id and secrets may come from instead of the command line, which other users can see in the process list.</summary>
    public const string ClientIdVariable = "K8SHOP_CLIENT_ID";
    public const string ClientSecretVariable = "K8SHOP_CLIENT_SECRET";
    public const string AdminClientIdVariable = "K8SHOP_ADMIN_CLIENT_ID";
    public const string AdminClientSecretVariable = "K8SHOP_ADMIN_CLIENT_SECRET";

    private static readonly HashSet<string> Known =
    [
        "scenario", "url", "clients", "rate", "max-in-flight", "duration", "operations", "warmup", "sku", "skus",
        "skew", "seed", "release-ratio", "commit-ratio", "repeat-ratio", "setup-stock", "client-id", "client-secret", "admin-client-id", "admin-client-secret", "token-url", "auth", "shoppers", "ttl", "timeout", "json",
        "order-retries", "verify-sample", "decline-ratio", "events-amqp", "events-exchange", "events-management", "events-queues",
        "events-drain", "html", "chaos", "chaos-on", "chaos-off", "chaos-faults",
    ];

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = ["chaos"];

    public static ParseResult Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
                return ParseResult.Help;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                return ParseResult.Invalid($"unexpected argument '{arg}' (options start with --)");

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            if (!Known.Contains(name))
                return ParseResult.Invalid($"unknown option '--{name}'");
            string value;
            if (Flags.Contains(name))
            {
                if (equals >= 0)
                    return ParseResult.Invalid($"--{name} takes no value");
                value = "true";
            }
            else if (equals >= 0)
                value = arg[(equals + 1)..];
            else if (i + 1 < args.Count)
                value = args[++i];
            else
                return ParseResult.Invalid($"--{name} needs a value");
            if (!values.TryAdd(name, value))
                return ParseResult.Invalid($"--{name} is given more than once");
        }

        try
        {
            return ParseResult.Valid(Build(new OptionValues(values), environment ?? (_ => null)));
        }
        catch (UsageException error)
        {
            return ParseResult.Invalid(error.Message);
        }
    }

    private static LoadGenOptions Build(OptionValues values, Func<string, string?> environment)
    {
        var defaults = new LoadGenOptions();
        var scenario = values.Text("scenario") ?? defaults.Scenario;
        if (!ScenarioCatalog.Names.Contains(scenario))
            throw new UsageException($"--scenario must be one of {string.Join(", ", ScenarioCatalog.Names)}, got '{scenario}'");
        RequireScenario(values, "sku", scenario, HotSkuScenario.ScenarioName, CheckoutScenario.ScenarioName);
        RequireScenario(values, "skus", scenario, MixedScenario.ScenarioName, CheckoutScenario.ScenarioName);
        RequireScenario(values, "skew", scenario, MixedScenario.ScenarioName, CheckoutScenario.ScenarioName);
        foreach (var reservationOption in (string[])["release-ratio", "commit-ratio", "ttl"])
            RequireScenario(values, reservationOption, scenario, HotSkuScenario.ScenarioName, MixedScenario.ScenarioName);
        foreach (var checkoutOption in (string[])["order-retries", "verify-sample", "decline-ratio"])
            RequireScenario(values, checkoutOption, scenario, CheckoutScenario.ScenarioName);

        var events = EventOptions.Parse(values, scenario);

        var clients = values.Int("clients", 1, 100_000);
        var rate = values.Double("rate", 0, 1_000_000, minExclusive: true);
        if (clients is not null && rate is not null)
            throw new UsageException("--clients (closed loop) and --rate (open loop) exclude each other");
        var maxInFlight = values.Int("max-in-flight", 1, 100_000);
        if (maxInFlight is not null && rate is null)
            throw new UsageException("--max-in-flight only applies to an open loop (--rate)");

        var duration = values.Duration("duration", allowZero: false);
        var operations = values.Long("operations", 1);
        if (duration is not null && operations is not null)
            throw new UsageException("--duration and --operations exclude each other");

        var setupStock = values.Int("setup-stock", 0, int.MaxValue);
        var auth = values.Text("auth") ?? "required";
        if (auth is not ("required" or "open"))
            throw new UsageException($"--auth must be required or open, got '{auth}'");
        var client = Credentials(values, environment, "client-id", "client-secret", ClientIdVariable, ClientSecretVariable);
        var adminClient = Credentials(values, environment, "admin-client-id", "admin-client-secret", AdminClientIdVariable, AdminClientSecretVariable) ?? client;
        if (setupStock is not null && adminClient is null)
            throw new UsageException($"--setup-stock needs an admin client (the operator): --admin-client-id and --admin-client-secret, or --client-id and --client-secret (or {AdminClientIdVariable}, {ClientIdVariable} and their secrets)");
        var authRequired = auth == "required";
        if (authRequired && client is null)
            throw new UsageException(scenario == CheckoutScenario.ScenarioName
                ? $"--auth required (the default) needs the loadgen client for the shoppers' password grant: --client-id and --client-secret (or {ClientIdVariable} and {ClientSecretVariable}); --auth open sends no tokens"
                : $"--auth required (the default) needs a machine or admin client for stock moves: --client-id and --client-secret (or {ClientIdVariable} and {ClientSecretVariable}); --auth open sends no tokens");
        RequireScenario(values, "shoppers", scenario, CheckoutScenario.ScenarioName);
        if (values.Has("shoppers") && !authRequired)
            throw new UsageException("--shoppers only applies with --auth required (open mode uses a fresh user id per checkout)");
        var tokenUrl = ParseUrl(values.Text("token-url"), "--token-url");
        var chaos = ChaosOptions.Parse(values);
        if (chaos is not null && adminClient is null)
            throw new UsageException($"--chaos needs the operator's client (role admin) to switch faults: --admin-client-id and --admin-client-secret (or {AdminClientIdVariable} and {AdminClientSecretVariable})");
        var jsonPath = CheckOutputPath(values.Text("json"), "--json");

        return new LoadGenOptions
        {
            Scenario = scenario,
            Url = ParseUrl(values.Text("url"), "--url") ?? defaults.Url,
            Mode = rate is null ? LoadMode.ClosedLoop : LoadMode.OpenLoop,
            Clients = clients ?? defaults.Clients,
            Rate = rate ?? 0,
            MaxInFlight = maxInFlight ?? defaults.MaxInFlight,
            Duration = operations is null ? duration ?? defaults.Duration : null,
            Operations = operations,
            Warmup = values.Duration("warmup", allowZero: true) ?? defaults.Warmup,
            Sku = values.Text("sku") ?? defaults.Sku,
            Skus = values.Int("skus", 1, 9999) ?? defaults.Skus,
            Skew = values.Double("skew", 0, 10) ?? defaults.Skew,
            Seed = values.Int("seed", 0, int.MaxValue) ?? defaults.Seed,
            ReleaseRatio = values.Double("release-ratio", 0, 1) ?? defaults.ReleaseRatio,
            CommitRatio = values.Double("commit-ratio", 0, 1) ?? defaults.CommitRatio,
            RepeatRatio = values.Double("repeat-ratio", 0, 1) ?? defaults.RepeatRatio,
            SetupStock = setupStock,
            AuthRequired = authRequired,
            Client = client,
            AdminClient = adminClient,
            TokenUrl = tokenUrl is null ? null : new Uri(tokenUrl.ToString().TrimEnd('/')),
            Shoppers = values.Int("shoppers", 1, 100_000),
            TtlSeconds = values.Int("ttl", 1, int.MaxValue) ?? defaults.TtlSeconds,
            Timeout = values.Duration("timeout", allowZero: false) ?? defaults.Timeout,
            JsonPath = jsonPath,
            HtmlPath = CheckOutputPath(values.Text("html"), "--html") ?? (jsonPath is null ? null : Path.ChangeExtension(jsonPath, ".html")),
            Chaos = chaos,
            OrderRetries = values.Int("order-retries", 0, 10) ?? defaults.OrderRetries,
            VerifySample = values.Int("verify-sample", 0, 1_000_000) ?? defaults.VerifySample,
            DeclineRatio = values.Double("decline-ratio", 0, 1) ?? defaults.DeclineRatio,
            Events = events,
        };
    }

    internal static void RequireScenario(OptionValues values, string option, string chosen, params string[] scenarios)
    {
        if (values.Has(option) && !scenarios.Contains(chosen))
            throw new UsageException($"--{option} only applies to the {string.Join(" and ", scenarios)} scenario{(scenarios.Length > 1 ? "s" : "")}, not {chosen}");
    }

    /// <summary>A client id and its secret, each from its option or else its variable; one without the other is an error.</summary>
    private static ClientCredentials? Credentials(OptionValues values, Func<string, string?> environment, string idOption, string secretOption,
        string idVariable, string secretVariable)
    {
        var id = values.Text(idOption) ?? NonEmpty(environment(idVariable));
        var secret = values.Text(secretOption) ?? NonEmpty(environment(secretVariable));
        if (id is null && secret is null)
            return null;
        if (id is null || secret is null)
            throw new UsageException($"--{idOption} and --{secretOption} go together (or {idVariable} and {secretVariable})");
        return new ClientCredentials(id, secret);
    }

    private static Uri? ParseUrl(string? text, string option)
    {
        if (text is null)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"{option} must be an absolute http:// or https:// address, got '{text}'");
        // A trailing slash makes "inventory/..." resolve under any path prefix the gateway sits behind.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }

    private static string? CheckOutputPath(string? path, string option)
    {
        if (path is null)
            return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new UsageException($"{option}: directory '{directory}' does not exist");
        return path;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
