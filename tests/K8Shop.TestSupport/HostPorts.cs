using System.Globalization;

namespace K8Shop.TestSupport;

/// <summary>The loopback ports of one host process: REST, gRPC, and for a silo its silo-to-silo and client gateway ports.</summary>
public sealed record HostPorts(int Http, int Grpc, int Silo, int Gateway)
{
    public static HostPorts Free() => new(TestPorts.Free(), TestPorts.Free(), TestPorts.Free(), TestPorts.Free());

    public string HttpUrl => $"http://127.0.0.1:{Http}";

    /// <summary>
    /// The Kestrel and Orleans settings that move a K8Shop host (silo or gateway) onto these ports. No management port
    /// unless a test sets <c>Management__Urls</c> after these: the embedded default, 127.0.0.1:9464, is one per machine,
    /// and hosts started side by side would race for it.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Management__Urls", ""),
        new("Kestrel__Endpoints__Http__Url", HttpUrl),
        new("Kestrel__Endpoints__Grpc__Url", $"http://127.0.0.1:{Grpc}"),
        new("Orleans__SiloPort", Silo.ToString(CultureInfo.InvariantCulture)),
        new("Orleans__GatewayPort", Gateway.ToString(CultureInfo.InvariantCulture)),
    ];
}
