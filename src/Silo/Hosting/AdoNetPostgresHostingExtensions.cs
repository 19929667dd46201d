using System.Net;
using K8Shop.Contracts.Faults;
using K8Shop.Faults.Injection;
using K8Shop.Grains.Orders;
using K8Shop.Grains.Payments;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Storage;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class AdoNetPostgresHostingExtensions
{
    /// <summary>Npgsql's ADO.NET invariant; Orleans' AdoNet options default to SQL Server without it.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Membership, reminders and the order and payment storages. Embedded: localhost clustering and memory.
    /// Cluster: Orleans' ADO.NET providers on PostgreSQL, through the silo's <see cref="NpgsqlDataSource"/> (one
    /// pool per silo) and the queries of migrations 0003-0005, which run before the silo joins the cluster.
    /// </summary>
    public static ISiloBuilder AddK8ShopMembershipAndState(this ISiloBuilder silo, bool usePostgres, SiloEndpointOptions endpoints)
    {
        if (!usePostgres)
        {
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: endpoints.ServiceId, clusterId: endpoints.ClusterId);
            silo.AddMemoryGrainStorageWithSlowWrites(OrderStorage.Name, state => (state as OrderState)?.UserId);
            silo.AddMemoryGrainStorageWithSlowWrites(PaymentStorage.Name, state => (state as PaymentState)?.UserId);
            silo.UseInMemoryReminderService();
            return silo;
        }

        silo.ConfigureEndpoints(IPAddress.Parse(endpoints.AdvertisedIP), endpoints.SiloPort, endpoints.GatewayPort);
        return silo
            .UsePostgresClustering()
            .UsePostgresReminderService()
            .AddPostgresGrainStorage(OrderStorage.Name, FaultNames.PostgresSlowWrites, state => (state as OrderState)?.UserId)
            .AddPostgresGrainStorage(PaymentStorage.Name, FaultNames.PostgresSlowWrites, state => (state as PaymentState)?.UserId);
    }

    /// <summary>Membership in <c>orleans.membership</c>, on the registered <see cref="NpgsqlDataSource"/>.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo) =>
        silo.UseAdoNetClustering(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));

    /// <summary>Reminders in <c>orleans.reminder</c>, on the registered <see cref="NpgsqlDataSource"/>.</summary>
    public static ISiloBuilder UsePostgresReminderService(this ISiloBuilder silo) =>
        silo.UseAdoNetReminderService(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
        }));

    /// <summary>
    /// A grain storage in <c>orleans.grain_state</c>, on the registered <see cref="NpgsqlDataSource"/>, keyed by the
    /// grain's full identity (see <see cref="FullIdentityGrainStorage"/>). <paramref name="slowWritesFault"/> names a latency
    /// fault its writes meet (with the user <paramref name="userOf"/> reads from the state as the fault's scope).
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, string? slowWritesFault = null, Func<object?, string?>? userOf = null)
    {
        var adoNetName = name + "-adonet";
        silo.AddAdoNetGrainStorage(adoNetName, options => options.Configure<NpgsqlDataSource, Serializer>((o, dataSource, serializer) =>
        {
            o.Invariant = Invariant;
            o.DataSource = dataSource;
            // Orleans' binary format, not JSON: order and payment states are [GenerateSerializer] types whose
            // [Id]s keep old rows readable as fields are added, the payload is compact, and there is no
            // Newtonsoft type-name handling to configure or secure. The rows are not readable in psql; the grains' APIs are.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        // A driver error reaches callers as one serializable "unavailable" (503 with Retry-After), as carts and inventory do.
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new UnavailableTranslatingGrainStorage(
            new FullIdentityGrainStorage(WithSlowWrites(services.GetRequiredKeyedService<IGrainStorage>(adoNetName), services, slowWritesFault, userOf)),
            "postgresql", $"{name} store unavailable"));
        return silo;
    }

    /// <summary>Embedded mode's memory storage (Orleans' format) under <paramref name="name"/>, its writes slowed by postgres-slow-writes as PostgreSQL's would be.</summary>
    private static ISiloBuilder AddMemoryGrainStorageWithSlowWrites(this ISiloBuilder silo, string name, Func<object?, string?> userOf)
    {
        var memoryName = name + "-memory";
        silo.AddOrleansSerializedMemoryGrainStorage(memoryName);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) =>
            WithSlowWrites(services.GetRequiredKeyedService<IGrainStorage>(memoryName), services, FaultNames.PostgresSlowWrites, userOf));
        return silo;
    }

    private static IGrainStorage WithSlowWrites(IGrainStorage storage, IServiceProvider services, string? fault, Func<object?, string?>? userOf) =>
        fault is not null && services.GetService<IFaultInjector>() is { } faults
            ? new SlowWritesGrainStorage(storage, faults, fault, userOf ?? (_ => null))
            : storage;
}
