using K8Shop.Silo.Hosting;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>Two silo processes of the cluster profile on one machine find each other through PostgreSQL.</summary>
public sealed class SiloProcessMembershipTests
{
    [ClusterFact]
    public async Task TwoSiloProcesses_OnOneDatabase_FormOneClusterWithBothActive()
    {
        await using var database = await PostgresDatabase.CreateAsync("orl_two_silos");
        var serviceId = $"k8shop-{Guid.NewGuid():N}";
        var clusterId = $"two-silos-{Guid.NewGuid():N}";
        // Both start at once: they also race through the migrations, which the advisory lock serializes.
        await using var first = ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId);
        await using var second = ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var http = new HttpClient();
        // Serving means joined; it also restarts a silo whose free port was taken before it bound it.
        await Task.WhenAll(first.WaitUntilServingAsync(http, TimeSpan.FromSeconds(90)), second.WaitUntilServingAsync(http, TimeSpan.FromSeconds(90)));

        var active = await WaitForActiveSilosAsync(dataSource, clusterId, 2, [first, second]);
        using var client = await ConnectClientAsync(database.ConnectionString, serviceId, clusterId);
        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        int[] siloPorts = [.. new[] { first.SiloPort, second.SiloPort }.Order()];
        Assert.Equal(siloPorts, active.Order());
        Assert.Equal(siloPorts, hosts.Keys.Select(s => s.Endpoint.Port).Order());
        Assert.All(hosts.Keys, s => Assert.Equal("127.0.0.1", s.Endpoint.Address.ToString()));
    }

    /// <summary>The silo ports of the cluster's Active rows, once there are <paramref name="count"/>; fails with both silos' output.</summary>
    private static async Task<int[]> WaitForActiveSilosAsync(NpgsqlDataSource dataSource, string clusterId, int count, ClusterSiloProcess[] silos)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline && !silos.Any(s => s.HasExited))
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT port FROM orleans.membership WHERE cluster_id = $1 AND status = 3");
                command.Parameters.Add(new() { Value = clusterId });
                var ports = new List<int>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    ports.Add(reader.GetInt32(0));
                if (ports.Count >= count)
                    return [.. ports];
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The silos have not migrated the database yet.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException(
            $"{count} silos did not become Active within 45 s.\n--- first silo:\n{silos[0].Output}\n--- second silo:\n{silos[1].Output}");
    }

    private static async Task<IHost> ConnectClientAsync(string postgres, string serviceId, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetPostgresHostingExtensions.Invariant, postgres)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
