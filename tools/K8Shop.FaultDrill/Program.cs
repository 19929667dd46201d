using System.Globalization;
using K8Shop.FaultDrill;
using K8Shop.Tools.Auth;

// k8shop-faultdrill --url URL --admin-client-id ID --admin-client-secret S [--client-id ID --client-secret S] [--token-url URL]
//   --target NAME --kill-command CMD --restart-command CMD
//   [--checkouts 200] [--clients 32] [--kill-at 0.4] [--restart-after 10] [--stock 70]
//   [--orleans-postgres CONN --service-id ID --cluster-id ID --target-silo-port PORT]  (which order grains the kill takes)
// Exit codes: 0 every invariant held, 1 one failed, 2 bad arguments.
var settings = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        return Usage($"'{args[i]}' is not an option with a value");
    settings[args[i][2..]] = args[++i];
}
string? Get(string name) => settings.GetValueOrDefault(name);
var known = new[] { "url", "admin-client-id", "admin-client-secret", "client-id", "client-secret", "token-url", "target", "kill-command", "restart-command", "checkouts", "clients", "kill-at", "restart-after", "stock",
    "orleans-postgres", "service-id", "cluster-id", "target-silo-port" };
if (settings.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
    return Usage($"unknown option --{unknown}");
if (Get("kill-command") is not { } kill || Get("restart-command") is not { } restart)
    return Usage("--kill-command and --restart-command are required");
// Secrets may come from the environment instead, out of the process list; they are never printed.
var adminClient = Credentials("admin-client-id", "admin-client-secret", "K8SHOP_ADMIN_CLIENT_ID", "K8SHOP_ADMIN_CLIENT_SECRET", out var adminProblem);
if (adminClient is null)
    return Usage(adminProblem ?? "--admin-client-id and --admin-client-secret (or K8SHOP_ADMIN_CLIENT_ID and K8SHOP_ADMIN_CLIENT_SECRET) are required: the operator client sets each SKU's stock and reads the orders back");
var shopperClient = Credentials("client-id", "client-secret", "K8SHOP_CLIENT_ID", "K8SHOP_CLIENT_SECRET", out var shopperProblem);
if (shopperProblem is not null)
    return Usage(shopperProblem);
Uri? tokenUrl = null;
if (Get("token-url") is { } tokenText && (!Uri.TryCreate(tokenText, UriKind.Absolute, out tokenUrl) || tokenUrl.Scheme is not ("http" or "https")))
    return Usage($"--token-url must be an absolute http:// or https:// address, got '{tokenText}'");

FaultDrillOptions options;
try
{
    options = new FaultDrillOptions
    {
        GatewayUrl = new Uri((Get("url") ?? "http://127.0.0.1:8090").TrimEnd('/') + "/"),
        AdminClient = adminClient,
        ShopperClient = shopperClient,
        TokenUrl = tokenUrl,
        Checkouts = Whole("checkouts", 200, 1, 100_000),
        Clients = Whole("clients", 32, 1, 1_000),
        KillAtProgress = double.Parse(Get("kill-at") ?? "0.4", CultureInfo.InvariantCulture) is var p and > 0 and < 1 ? p : throw new FormatException("--kill-at must be between 0 and 1"),
        RestartAfter = TimeSpan.FromSeconds(Whole("restart-after", 10, 0, 600)),
        StockPerSku = Whole("stock", 70, 1, 1_000_000),
    };
}
catch (FormatException ex)
{
    return Usage(ex.Message);
}

int? targetSiloPort;
try
{
    targetSiloPort = Get("target-silo-port") is null ? null : Whole("target-silo-port", 0, 1, 65535);
}
catch (FormatException ex)
{
    return Usage(ex.Message);
}
var locating = Get("orleans-postgres") is not null;
if (locating && (Get("service-id") is null || Get("cluster-id") is null || targetSiloPort is null))
    return Usage("--orleans-postgres needs --service-id, --cluster-id and --target-silo-port");

using var http = new HttpClient { BaseAddress = options.GatewayUrl, Timeout = Timeout.InfiniteTimeSpan };
var target = new ShellFaultTarget(Get("target") ?? "the target", kill, restart);
await using var locator = locating ? await OrleansGrainLocator.ConnectAsync(Get("orleans-postgres")!, Get("service-id")!, Get("cluster-id")!, CancellationToken.None) : null;
var drill = new FaultDrillRunner(options, http, target, line => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"),
    locator is null ? null : _ => locator.OrderIdsOnSiloAsync(targetSiloPort!.Value));
var report = await drill.RunAsync(CancellationToken.None);
Console.WriteLine();
Console.Write(report.ToText());
return report.Passed ? 0 : 1;

ClientCredentials? Credentials(string idOption, string secretOption, string idVariable, string secretVariable, out string? problem)
{
    var id = Get(idOption) ?? NonEmpty(Environment.GetEnvironmentVariable(idVariable));
    var secret = Get(secretOption) ?? NonEmpty(Environment.GetEnvironmentVariable(secretVariable));
    problem = (id is null) == (secret is null) ? null : $"--{idOption} and --{secretOption} go together (or {idVariable} and {secretVariable})";
    return id is null || secret is null ? null : new ClientCredentials(id, secret);
}

static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

int Whole(string name, int fallback, int min, int max) =>
    Get(name) is not { } text ? fallback
    : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
    : throw new FormatException($"--{name} must be a whole number from {min} to {max}, not '{text}'");

static int Usage(string problem)
{
    Console.Error.WriteLine($"k8shop-faultdrill: {problem}");
    Console.Error.WriteLine("usage: k8shop-faultdrill --url URL --admin-client-id operator --admin-client-secret S --target NAME --kill-command CMD --restart-command CMD");
    Console.Error.WriteLine("         [--client-id loadgen --client-secret S (shopper accounts; without: no shopper tokens)] [--token-url URL/connect/token]");
    Console.Error.WriteLine("         [--checkouts 200] [--clients 32] [--kill-at 0.4] [--restart-after 10] [--stock 70]");
    Console.Error.WriteLine("         [--orleans-postgres CONN --service-id ID --cluster-id ID --target-silo-port PORT]");
    return 2;
}
