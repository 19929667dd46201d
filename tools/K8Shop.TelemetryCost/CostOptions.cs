using System.Globalization;

namespace K8Shop.TelemetryCost;

/// <summary>The command line; every option has a default that suits the 2-core dev box.</summary>
public sealed record CostOptions
{
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;
    public string Profile { get; init; } = "cluster";
    public int Rounds { get; init; } = 6;
    public int Checkouts { get; init; } = 600;
    public int Warmup { get; init; } = 200;
    public int Clients { get; init; } = 32;
    public int Rate { get; init; } = 30;
    public int Skus { get; init; } = 150;
    public int SetupStock { get; init; } = 1_000_000;
    public int ManagementPort { get; init; } = 19464;
    public Uri? OtlpEndpoint { get; init; }
    public string OtlpProtocol { get; init; } = "http/protobuf";
    public IReadOnlyList<string> Variants { get; init; } = ["off", "defaults", "prometheus", "otlp", "otlp-sampled"];
    public string? Json { get; init; }
    public int Allocations { get; init; }
    public string RunId { get; init; } = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public const string Usage = """
        k8shop-telemetry-cost: what telemetry costs one checkout inside the silo's process.
          --content-root DIR    the silo's build output (its appsettings.json), default: this tool's folder
          --profile NAME        cluster (default; datastores from the environment, as scripts/dev-services.sh env sets) or embedded
          --rounds N            measured rounds, each variant once per round in a rotating order (default 6)
          --checkouts N         measured checkouts per variant and round (default 600)
          --warmup N            unmeasured checkouts before each measurement (default 200)
          --clients N           concurrent shoppers at most (default 32)
          --rate N              checkouts started per second (default 30, about half of saturation on the dev box), so
                                every variant's phase lasts as long and the silo's background work per checkout is alike;
                                0: a closed loop, each shopper starting again as soon as it is done
          --skus N              books BOOK-001.. to buy from (default 150), each given --setup-stock copies first
          --management-port P   the prometheus variant's /metrics port (default 19464)
          --otlp-endpoint URL   the otlp variant's receiver (no URL: the otlp variant is skipped)
          --otlp-protocol P     grpc or http/protobuf (default)
          --variants a,b        which of off,defaults,prometheus,otlp (off always runs: it is the baseline)
          --json FILE           the figures as JSON
          --allocations N       after each measured phase, the N types that took the most bytes per checkout (sampled
                                from the runtime's allocation ticks), to the log
        """;

    public static CostOptions Parse(string[] args)
    {
        var options = new CostOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number(int min)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new ArgumentException($"{name}: '{text}' is not a whole number of at least {min}");
            }
            options = args[i] switch
            {
                "--content-root" => options with { ContentRoot = Path.GetFullPath(Value()) },
                "--profile" => options with { Profile = OneOf(Value(), "--profile", "cluster", "embedded") },
                "--rounds" => options with { Rounds = Number(1) },
                "--checkouts" => options with { Checkouts = Number(1) },
                "--warmup" => options with { Warmup = Number(0) },
                "--clients" => options with { Clients = Number(1) },
                "--rate" => options with { Rate = Number(0) },
                "--skus" => options with { Skus = Number(1) },
                "--setup-stock" => options with { SetupStock = Number(1) },
                "--management-port" => options with { ManagementPort = Number(1) },
                "--otlp-endpoint" => options with { OtlpEndpoint = new Uri(Value(), UriKind.Absolute) },
                "--otlp-protocol" => options with { OtlpProtocol = OneOf(Value(), "--otlp-protocol", "grpc", "http/protobuf") },
                "--variants" => options with { Variants = ["off", .. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v != "off")] },
                "--json" => options with { Json = Value() },
                "--allocations" => options with { Allocations = Number(1) },
                "--run-id" => options with { RunId = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (!File.Exists(Path.Combine(options.ContentRoot, "appsettings.json")))
            throw new ArgumentException($"--content-root: no appsettings.json in {options.ContentRoot}; give the silo's build output, e.g. src/Silo/bin/Release/net10.0");
        return options;
    }

    private static string OneOf(string value, string option, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw new ArgumentException($"{option}: '{value}' is not one of {string.Join(", ", allowed)}");
}
