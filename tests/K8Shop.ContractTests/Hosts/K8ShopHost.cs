using Grpc.Net.Client;
using K8Shop.TestSupport;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
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
        // The provider's keys as the test tokens are signed: a host trusts exactly what TestTokens mints.
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            bearer.Authority = null;
            bearer.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
            bearer.Configuration.SigningKeys.Add(TestTokens.Key);
            bearer.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
            bearer.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
        }));
    }

    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

}
