using Orleans.Configuration;

namespace K8Shop.Gateway.Hosting;

public static class ClientClusteringExtensions
{
    /// <summary>Npgsql's ADO.NET invariant; Orleans' AdoNet options default to SQL Server without it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// How the gateway finds silos: with <c>ConnectionStrings:Postgres</c>, the active gateways in the silos'
    /// membership table (it reads nothing else there); without it, a silo on this machine at
    /// <c>Orleans:GatewayPort</c>. Identity from <c>Orleans:ServiceId</c> and <c>Orleans:ClusterId</c>. It keeps
    /// retrying until a silo accepts it; <c>Orleans:Client:GatewayListRefreshPeriod</c> (how often it rereads the
    /// gateway list) and <c>Orleans:Messaging:ResponseTimeout</c> (how long a grain call may take) are settable.
    /// </summary>
    public static IClientBuilder UseK8ShopClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        client.Services.AddSingleton<IClientConnectionRetryFilter, ReconnectForeverFilter>();
        client.Services.AddOptions<GatewayOptions>().Bind(orleans.GetSection("Client"));
        client.Services.AddOptions<ClientMessagingOptions>().Bind(orleans.GetSection("Messaging"));

        var serviceId = orleans.GetValue("ServiceId", "k8shop")!;
        var clusterId = orleans.GetValue("ClusterId", "k8shop-dev")!;
        var membership = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(membership))
            return client.UseLocalhostClustering(gatewayPort: orleans.GetValue("GatewayPort", 30000), serviceId: serviceId, clusterId: clusterId);

        client.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = serviceId;
            options.ClusterId = clusterId;
        });
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = membership;
        });
    }
}
