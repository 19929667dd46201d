using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace K8Shop.FaultDrill;

/// <summary>
/// An Orleans client of the drilled cluster (membership in PostgreSQL) that lists, through the management grain,
/// the order grains active on one silo: the keys the kill takes away.
/// </summary>
public sealed class OrleansGrainLocator : IAsyncDisposable
{
    private static readonly GrainType OrderGrainType = GrainType.Create("order");

    private readonly IHost _host;

    private OrleansGrainLocator(IHost host) => _host = host;

    public static async Task<OrleansGrainLocator> ConnectAsync(string postgres, string serviceId, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", postgres)));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new OrleansGrainLocator(host);
    }

    /// <summary>The ids of the order grains active on the silo listening on <paramref name="siloPort"/>.</summary>
    public async Task<IReadOnlySet<string>> OrderIdsOnSiloAsync(int siloPort)
    {
        var management = _host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var silo = (await management.GetHosts(onlyActive: true)).Keys.FirstOrDefault(s => s.Endpoint.Port == siloPort)
            ?? throw new InvalidOperationException($"no active silo listens on port {siloPort}");
        var grains = await management.GetDetailedGrainStatistics(hostsIds: [silo]);
        return grains.Where(g => g.GrainId.Type == OrderGrainType).Select(g => g.GrainId.Key.ToString()!).ToHashSet();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
