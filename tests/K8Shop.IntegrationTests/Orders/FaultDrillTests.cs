using System.Globalization;
using K8Shop.FaultDrill;
using K8Shop.IntegrationTests.Identity;
using K8Shop.IntegrationTests.OrleansAdoNet;
using K8Shop.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace K8Shop.IntegrationTests.Orders;

/// <summary>
/// Issue 8's fault test on a local cluster: three silo processes and a standalone gateway (cluster profile, a database,
/// Orleans ids and DynamoDB table of the test's own), 200 checkouts from 32 clients under their own Idempotency-Keys
/// with retries, one silo killed with SIGKILL at 40% and restarted 10 s later. Membership probes are shortened so a
/// dead silo is voted out in seconds.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class FaultDrillTests(ITestOutputHelper output)
{
    /// <summary>Failure detection in seconds instead of a minute, as the drill script sets it.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortProbes = new Dictionary<string, string>
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
        ["Orleans__Membership__NumMissedProbesLimit"] = "3",
        ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:10",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:05",
        ["Orleans__Membership__DeathVoteExpirationTimeout"] = "00:00:20",
        ["Orleans__Messaging__ResponseTimeout"] = "00:00:15",
    };

    [ClusterFact]
    public async Task Killing_one_of_three_silos_mid_checkout_loses_duplicates_and_oversells_nothing_and_every_order_settles()
    {
        await using var database = await PostgresDatabase.CreateAsync("fault_drill");
        var (serviceId, clusterId) = ($"k8shop-{Guid.NewGuid():N}", $"fault-{Guid.NewGuid():N}");
        // The first silo's provider issues every token (the drill kills the second); all three share its keys and store.
        var firstPorts = HostPorts.Free();
        using var identity = ClusterIdentity.Create(database.ConnectionString, firstPorts.HttpUrl);
        var settings = new Dictionary<string, string>(ShortProbes.Concat(identity.SiloSettings))
        {
            ["DynamoDB__TableName"] = $"k8shop-fault-{Guid.NewGuid():N}",
            ["Orders__ResumeAfter"] = "00:00:03",
            ["Inventory__MaxWritesPerSecond"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var silos = new List<ClusterSiloProcess> { ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId, settings, ports: firstPorts) };
        HostProcess? gateway = null;
        try
        {
            using (var probe = new HttpClient())
            {
                // The first creates the identity schema and registers the clients; the others start once it has, so none races it.
                await silos[0].WaitUntilServingAsync(probe, TimeSpan.FromSeconds(120));
                silos.AddRange(Enumerable.Range(0, 2).Select(_ => ClusterSiloProcess.Start(database.ConnectionString, serviceId, clusterId, settings)));
                await Task.WhenAll(silos.Select(s => s.WaitUntilServingAsync(probe, TimeSpan.FromSeconds(120))));
            }
            gateway = HostProcess.Start(BuiltGateway.DllPath, ports =>
            [
                new("Kestrel__Endpoints__Http__Url", ports.HttpUrl),
                new("Kestrel__Endpoints__Grpc__Url", $"http://127.0.0.1:{ports.Grpc}"),
                new("ConnectionStrings__Postgres", database.ConnectionString),
                new("Orleans__ServiceId", serviceId),
                new("Orleans__ClusterId", clusterId),
                new("Orleans__Client__GatewayListRefreshPeriod", "00:00:05"),
                new("Orleans__Messaging__ResponseTimeout", "00:00:15"),
                .. identity.GatewaySettings(),
                new("Logging__LogLevel__Default", "Warning"),
            ]);
            await gateway.WaitUntilReadyAsync("/health/ready", TimeSpan.FromSeconds(120));

            var options = new FaultDrillOptions
            {
                GatewayUrl = new Uri(gateway.Ports.HttpUrl + "/"),
                AdminClient = identity.Operator,
                ShopperClient = identity.LoadGen,
                TokenUrl = identity.TokenUrl,
            };
            using var http = new HttpClient { BaseAddress = options.GatewayUrl, Timeout = Timeout.InfiniteTimeSpan };
            var target = new SiloTarget(silos, 1, database.ConnectionString, serviceId, clusterId, settings);
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await using var locator = await OrleansGrainLocator.ConnectAsync(database.ConnectionString, serviceId, clusterId, deadline.Token);
            var victimPort = silos[1].SiloPort;
            var report = await new FaultDrillRunner(options, http, target, output.WriteLine, _ => locator.OrderIdsOnSiloAsync(victimPort))
                .RunAsync(deadline.Token);
            output.WriteLine(report.ToText());
            if (!report.Passed)
            {
                // Its grain_state rows tell a stored order that reads back as missing from one never stored.
                database.Keep();
                output.WriteLine($"database {database.Name} kept (service id {serviceId}); drop it by hand");
            }

            Assert.Equal((200, 0), (report.Acknowledged, report.Unacknowledged));
            Assert.Empty(report.Lost);
            Assert.Empty(report.DuplicateOrders);
            Assert.Empty(report.PaymentProblems);
            Assert.Empty(report.Oversell);
            Assert.Equal(0, report.NotFinal);
            Assert.NotNull(report.SettledAfterRestart);
            Assert.InRange(report.SettledAfterRestart.Value, TimeSpan.Zero, TimeSpan.FromSeconds(60));
            // The stock was really short and some cards really declined, so the three ends were all reached.
            Assert.True(report.Outcomes.GetValueOrDefault("rejected") > 0, "no checkout ran out of stock; the oversell check proves nothing");
            Assert.True(report.Outcomes.GetValueOrDefault("confirmed") > 0 && report.Outcomes.GetValueOrDefault("payment_failed") > 0);
            Assert.True(report.Records.Count(r => r.AcknowledgedAt > report.KilledAt) > 0, "every checkout was done before the kill");
            // One stored payment per charged order, and none for an order refused for stock.
            Assert.Equal(report.Outcomes.GetValueOrDefault("confirmed") + report.Outcomes.GetValueOrDefault("payment_failed"),
                await CountPaymentRowsAsync(database.ConnectionString, serviceId));
        }
        finally
        {
            if (gateway is not null)
                await gateway.DisposeAsync();
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    private static async Task<long> CountPaymentRowsAsync(string connectionString, string serviceId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans.grain_state WHERE service_id = $1 AND grain_type = 'payment/payment'");
        command.Parameters.Add(new() { Value = serviceId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One of the test's silo processes: killed with SIGKILL, started again on the same ports.</summary>
    private sealed class SiloTarget(
        List<ClusterSiloProcess> silos, int index, string postgres, string serviceId, string clusterId, IReadOnlyDictionary<string, string> settings) : IFaultTarget
    {
        public string Name => $"silo{(index + 1).ToString(CultureInfo.InvariantCulture)}";

        public Task KillAsync(CancellationToken cancellationToken) => silos[index].CrashAsync();

        public async Task RestartAsync(CancellationToken cancellationToken)
        {
            var dead = silos[index];
            silos[index] = ClusterSiloProcess.Start(postgres, serviceId, clusterId, settings, samePortsAs: dead);
            await dead.DisposeAsync();
            using var probe = new HttpClient();
            await silos[index].WaitUntilServingAsync(probe, TimeSpan.FromSeconds(120));
        }
    }
}
