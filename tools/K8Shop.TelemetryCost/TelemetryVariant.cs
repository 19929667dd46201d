namespace K8Shop.TelemetryCost;

/// <summary>
/// One way to run the silo's telemetry, as the settings an operator would give it. <c>off</c> is the baseline every
/// other variant is compared with.
/// </summary>
public sealed record TelemetryVariant(string Name, string Description, IReadOnlyDictionary<string, string?> Settings)
{
    public const string Off = "off";

    /// <summary>The variants by name; the Prometheus variant serves /metrics on <paramref name="managementPort"/>
    /// (a Prometheus started by scripts/bench.sh scrapes it), the OTLP one exports to <paramref name="otlpEndpoint"/>.</summary>
    public static IReadOnlyList<TelemetryVariant> All(int managementPort, Uri? otlpEndpoint, string otlpProtocol) =>
    [
        new(Off, "OTEL_SDK_DISABLED=true, no management port", new Dictionary<string, string?>
        {
            ["OTEL_SDK_DISABLED"] = "true",
            ["Management:Urls"] = "",
        }),
        new("defaults", "nothing configured (the cluster profile's default)", new Dictionary<string, string?>()),
        new("prometheus", $"/metrics on 127.0.0.1:{managementPort}", new Dictionary<string, string?>
        {
            ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
        }),
        new("otlp", otlpEndpoint is null ? "OTLP export (no endpoint given: skipped)" : $"traces, metrics and logs over OTLP ({otlpProtocol}) to {otlpEndpoint}",
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint?.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = otlpProtocol,
            }),
        // As the AWS overlay ships it (infra/k8s/overlays/aws/telemetry-sampling.yaml): one trace in ten recorded.
        new("otlp-sampled", "OTLP export as shipped on AWS: parentbased_traceidratio 0.1",
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint?.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = otlpProtocol,
                ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio",
                ["OTEL_TRACES_SAMPLER_ARG"] = "0.1",
            }),
    ];
}
