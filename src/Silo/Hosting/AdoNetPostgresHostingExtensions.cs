using K8Shop.Silo.Storage;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class AdoNetPostgresHostingExtensions
{
    /// <summary>Npgsql's ADO.NET invariant; Orleans' AdoNet options default to SQL Server without it.</summary>
    public const string Invariant = "Npgsql";

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
        // The driver's connection and timeout errors reach callers as one serializable "unavailable" (503 with Retry-After), as carts and inventory do.
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new UnavailableTranslatingGrainStorage(
            new FullIdentityGrainStorage(FaultsHostingExtensions.WithSlowWrites(services.GetRequiredKeyedService<IGrainStorage>(adoNetName), services, slowWritesFault, userOf)),
            "postgresql", $"{name} store unavailable"));
        return silo;
    }
}
