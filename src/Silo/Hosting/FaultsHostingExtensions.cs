using K8Shop.Faults.Hosting;
using K8Shop.Grains.Faults;

namespace K8Shop.Silo.Hosting;

public static class FaultsHostingExtensions
{
    /// <summary>
    /// The fault switchboard's storage (PostgreSQL in the cluster profile, memory embedded), this silo's switches
    /// (named for <c>scope.silo</c> by the silo's name), the refresher that follows the switchboard, and the switches set
    /// in configuration (section <c>Faults</c>), applied once the silo is up.
    /// </summary>
    public static ISiloBuilder AddK8ShopFaults(this ISiloBuilder silo, bool usePostgres, IConfiguration configuration)
    {
        if (usePostgres)
            silo.AddPostgresGrainStorage(FaultStorage.Name);
        else
            silo.AddOrleansSerializedMemoryGrainStorage(FaultStorage.Name);
        silo.Services.AddK8ShopFaultSwitches(configuration, services => services.GetRequiredService<ILocalSiloDetails>().Name);
        silo.Services.AddK8ShopFaultStartupSettings(configuration);
        silo.AddIncomingGrainCallFilter<HotSkuDelayFilter>();
        return silo;
    }
}
