namespace K8Shop.ServiceDefaults;

/// <summary>What a host does when configuration says nothing (the embedded silo differs from cluster hosts).</summary>
public sealed class ServiceDefaultsOptions
{
    /// <summary>Management URLs used when <c>Management:Urls</c> is absent; null means no management port.</summary>
    public string? DefaultManagementUrls { get; init; }

    /// <summary>With no <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, export to the local Aspire dashboard if it answers at start.</summary>
    public bool ExportToLocalDashboard { get; init; }

    /// <summary>The embedded silo: management on 127.0.0.1:9464, export to the local dashboard when it is up.</summary>
    public static ServiceDefaultsOptions Embedded => new() { DefaultManagementUrls = "http://127.0.0.1:9464", ExportToLocalDashboard = true };

    /// <summary>Cluster hosts: nothing unless configured.</summary>
    public static ServiceDefaultsOptions Cluster => new();
}
