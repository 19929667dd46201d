using K8Shop.Faults.Hosting;
using K8Shop.Faults.Injection;
using K8Shop.Grains.Faults;
using K8Shop.Silo.Faults;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class FaultsHostingExtensions
{
    /// <summary>
    /// This silo's fault switches (named for <c>scope.silo</c> by the silo's name), the refresher that follows the
    /// switchboard, and the switches set in configuration (section <c>Faults</c>), applied once the silo is up. The
    /// switchboard's storage (<see cref="FaultStorage.Name"/>) comes with the profile.
    /// </summary>
    public static ISiloBuilder AddK8ShopFaults(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddK8ShopFaultSwitches(configuration, services => services.GetRequiredService<ILocalSiloDetails>().Name);
        silo.Services.AddK8ShopFaultStartupSettings(configuration);
        silo.AddIncomingGrainCallFilter<HotSkuDelayFilter>();
        return silo;
    }

    /// <summary><paramref name="storage"/> with its writes meeting the latency fault <paramref name="fault"/>, when the host has fault switches.</summary>
    internal static IGrainStorage WithSlowWrites(IGrainStorage storage, IServiceProvider services, string? fault, Func<object?, string?>? userOf) =>
        fault is not null && services.GetService<IFaultInjector>() is { } faults
            ? new SlowWritesGrainStorage(storage, faults, fault, userOf ?? (_ => null))
            : storage;
}
