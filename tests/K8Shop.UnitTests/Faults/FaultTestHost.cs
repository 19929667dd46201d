using K8Shop.Contracts.Faults;
using K8Shop.Faults.Hosting;
using K8Shop.Faults.Injection;
using K8Shop.Faults.Switches;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.UnitTests.Faults;

/// <summary>The fault switches of one node, with a clock the test moves.</summary>
internal sealed class FaultTestHost : IDisposable
{
    private readonly ServiceProvider services;

    public FaultTestHost(string node = "silo-a")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FaultSwitches:Instance"] = node })
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddK8ShopFaultSwitches(configuration)
            .BuildServiceProvider();
    }

    public TestClock Clock { get; } = new();

    public FaultSwitches Switches => services.GetRequiredService<FaultSwitches>();

    public IFaultInjector Injector => services.GetRequiredService<IFaultInjector>();

    private long version;

    /// <summary>Puts one switch's setting on this node, as the refresher would after the switchboard changed.</summary>
    public void Set(string fault, FaultSetting requested)
    {
        var stored = FaultSettingRules.Normalize(FaultCatalog.Get(fault), requested, Clock.GetUtcNow());
        var settings = new Dictionary<string, FaultSetting>(Switches.Current.Board.Settings) { [fault] = stored };
        Switches.Apply(new FaultBoard(++version, settings));
    }

    public void Dispose() => services.Dispose();
}

internal sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
