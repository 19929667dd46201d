namespace K8Shop.Silo.Hosting;

/// <summary>Which providers back the silo; bound from section <c>K8Shop</c> (env <c>K8Shop__Profile</c>).</summary>
public sealed class K8ShopOptions
{
    public const string SectionName = "K8Shop";
    public const string Embedded = "embedded";
    public const string Cluster = "cluster";

    /// <summary><c>embedded</c> (default: everything in memory, one process) or <c>cluster</c> (real datastores).</summary>
    public string Profile { get; set; } = Embedded;

    /// <summary>Serve the Orleans dashboard at /dashboard (it profiles every grain call and has no login of its own).</summary>
    public bool Dashboard { get; set; } = true;

    public bool IsCluster => string.Equals(Profile, Cluster, StringComparison.OrdinalIgnoreCase);

    /// <summary>The profile as configured (section <c>K8Shop</c>), or the defaults.</summary>
    public static K8ShopOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<K8ShopOptions>() ?? new K8ShopOptions();

    public void Validate()
    {
        if (!string.Equals(Profile, Embedded, StringComparison.OrdinalIgnoreCase) && !IsCluster)
            throw new InvalidOperationException($"K8Shop:Profile (env K8Shop__Profile) is '{Profile}'; use '{Embedded}' or '{Cluster}'.");
    }
}

/// <summary>The silo's identity and ports; bound from section <c>Orleans</c>.</summary>
public sealed class SiloEndpointOptions
{
    public const string SectionName = "Orleans";

    public string ServiceId { get; set; } = "k8shop";
    public string ClusterId { get; set; } = "k8shop-dev";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at, as written to the membership table (cluster profile).</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    public void Validate()
    {
        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
            throw new InvalidOperationException($"Orleans:SiloPort ({SiloPort}) and Orleans:GatewayPort ({GatewayPort}) must be distinct ports from 1 to 65535.");
        if (string.IsNullOrWhiteSpace(ServiceId) || string.IsNullOrWhiteSpace(ClusterId))
            throw new InvalidOperationException("Orleans:ServiceId and Orleans:ClusterId must not be empty.");
        if (!System.Net.IPAddress.TryParse(AdvertisedIP, out _))
            throw new InvalidOperationException($"Orleans:AdvertisedIP ('{AdvertisedIP}') must be an IP address, e.g. 127.0.0.1 or the pod's IP.");
    }
}
