using K8Shop.Contracts.Faults;

namespace K8Shop.GrainTests.Faults;

/// <summary>One switchboard, two silos: a change is on both within seconds, scoped to a silo it fires on that one only, and a duration ends it everywhere.</summary>
[Collection(FaultClusterCollection.Name)]
public sealed class FaultSwitchReplicationTests(FaultClusterFixture cluster)
{
    [Fact]
    public async Task A_switch_turned_on_and_off_reaches_both_silos_within_seconds()
    {
        Assert.Equal(2, cluster.SiloSwitches.Count);

        var on = await cluster.SetAsync(FaultNames.CatalogLatency, new FaultSetting(true, LatencyMs: 10));
        Assert.All(cluster.SiloSwitches, s => Assert.True(s.IsOn(FaultNames.CatalogLatency)));
        Assert.All(cluster.SiloSwitches, s => Assert.True(s.AnyActive));

        await cluster.OffAsync(FaultNames.CatalogLatency);
        Assert.All(cluster.SiloSwitches, s => Assert.False(s.IsOn(FaultNames.CatalogLatency)));
        Assert.All(cluster.SiloSwitches, s => Assert.False(s.AnyActive));
        Assert.True(on < TimeSpan.FromSeconds(3), $"the silos took {on.TotalMilliseconds:F0} ms to see the switch");
    }

    [Fact]
    public async Task A_switch_scoped_to_one_silo_fires_on_that_silo_only()
    {
        var names = cluster.SiloSwitches.Select(s => s.Node).ToList();
        Assert.Equal(2, names.Distinct().Count());

        await cluster.SetAsync(FaultNames.Gateway503, new FaultSetting(true, Scope: new FaultScope(Silo: names[1])));
        try
        {
            var fired = await Task.WhenAll(cluster.SiloInjectors.Select(i => i.FiresAsync(FaultNames.Gateway503, FaultScope.None).AsTask()));
            Assert.Equal([false, true], fired);
        }
        finally
        {
            await cluster.OffAsync(FaultNames.Gateway503);
        }
    }

    [Fact]
    public async Task A_switch_with_a_duration_turns_itself_off_on_every_silo_and_on_the_board()
    {
        await cluster.SetAsync(FaultNames.RecommendationsFailing, new FaultSetting(true, DurationSeconds: 30));
        Assert.All(cluster.SiloSwitches, s => Assert.True(s.IsOn(FaultNames.RecommendationsFailing)));
        var stored = (await cluster.Switchboard.GetAsync())[FaultNames.RecommendationsFailing];
        Assert.True(stored.Enabled);
        Assert.Equal(stored.EnabledAt!.Value.AddSeconds(30), stored.ExpiresAt);

        cluster.Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.All(cluster.SiloSwitches, s => Assert.False(s.IsOn(FaultNames.RecommendationsFailing)));
        Assert.False((await cluster.Switchboard.GetAsync())[FaultNames.RecommendationsFailing].Enabled);
        // The refresher rebuilds each silo's snapshot once the duration ran out, so the hot paths' gate closes too.
        await Eventually(() => cluster.SiloSwitches.All(s => !s.AnyActive));
    }

    [Fact]
    public async Task A_bad_setting_or_an_unknown_name_is_refused_by_the_switchboard_and_changes_nothing()
    {
        var before = await cluster.Switchboard.GetAsync();

        var bad = await Assert.ThrowsAsync<FaultSettingException>(() => cluster.Switchboard.SetAsync(FaultNames.PaymentDecline, new FaultSetting(true, Probability: 2)));
        await Assert.ThrowsAsync<UnknownFaultException>(() => cluster.Switchboard.SetAsync("no-such-fault", new FaultSetting(true)));

        Assert.Equal("probability", bad.Field);
        Assert.Equal(before.Version, (await cluster.Switchboard.GetAsync()).Version);
    }

    internal static async Task Eventually(Func<bool> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"not true within {seconds} s");
            await Task.Delay(50);
        }
    }
}
