using Grpc.Net.Client;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace K8Shop.ContractTests.Hosts;

/// <summary>
/// The real silo host (Program of src/Silo) in process: an Orleans silo on free ports with the gateway
/// endpoints, in the embedded profile or the cluster profile on a PostgreSQL database.
/// </summary>
public sealed class K8ShopHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"contract-{Guid.NewGuid():N}");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The co-hosted provider signs with the key TestTokens mints with, under the same issuer: a host trusts
        // exactly the tokens its provider issues and the ones the tests forge from them.
        builder.UseSetting("Identity:SigningKey", TestTokens.PrivateKeyPem);
        builder.UseSetting("Identity:Issuer", TestTokens.Issuer);
        builder.UseSetting("Identity:EncryptionKey", TestTokens.EncryptionKeyPem);
        builder.UseSetting("Identity:RequireHttps", "false");
    }

    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

}
