using System.Diagnostics;
using System.Diagnostics.Metrics;
using K8Shop.Contracts.Faults;

namespace K8Shop.UnitTests.Faults;

public sealed class FaultInjectorTests
{
    [Fact]
    public async Task With_every_switch_off_nothing_fires_and_any_active_is_false()
    {
        using var host = new FaultTestHost();
        Assert.False(host.Injector.AnyActive);
        foreach (var fault in FaultCatalog.All)
        {
            Assert.False(await host.Injector.FiresAsync(fault.Name, FaultScope.ForSku("BOOK-001")));
            Assert.False(host.Injector.Fires(fault.Name, FaultScope.None));
            if (fault.Kind != FaultKind.Outcome)
                await host.Injector.InjectAsync(fault.Name, FaultScope.None);
        }
    }

    [Fact]
    public async Task An_error_fault_throws_the_injection_points_exception_while_on_and_stops_when_off()
    {
        using var host = new FaultTestHost();
        host.Set(FaultNames.RedisUnavailable, new FaultSetting(Enabled: true));
        Assert.True(host.Injector.AnyActive);
        var thrown = await Assert.ThrowsAsync<TimeoutException>(() =>
            host.Injector.InjectAsync(FaultNames.RedisUnavailable, FaultScope.None, () => new TimeoutException("redis")).AsTask());
        Assert.Equal("redis", thrown.Message);
        var fallback = await Assert.ThrowsAsync<FaultInjectedException>(() => host.Injector.InjectAsync(FaultNames.RedisUnavailable, FaultScope.None).AsTask());
        Assert.Equal(FaultNames.RedisUnavailable, fallback.Fault);
        // Another switch is untouched.
        await host.Injector.InjectAsync(FaultNames.DynamoDBThrottling, FaultScope.None);

        host.Set(FaultNames.RedisUnavailable, new FaultSetting(Enabled: false));
        Assert.False(host.Injector.AnyActive);
        await host.Injector.InjectAsync(FaultNames.RedisUnavailable, FaultScope.None, () => new TimeoutException("redis"));
    }

    [Fact]
    public async Task A_latency_fault_delays_by_its_latency()
    {
        using var host = new FaultTestHost();
        var clock = Stopwatch.StartNew();
        await host.Injector.InjectAsync(FaultNames.CatalogLatency, FaultScope.None);
        Assert.True(clock.ElapsedMilliseconds < 100, $"took {clock.ElapsedMilliseconds} ms with the switch off");

        host.Set(FaultNames.CatalogLatency, new FaultSetting(Enabled: true, LatencyMs: 300));
        // The test clock does not move by itself, so the injector's delay runs on the system's timer through it.
        clock.Restart();
        await host.Injector.InjectAsync(FaultNames.CatalogLatency, FaultScope.None);
        Assert.True(clock.ElapsedMilliseconds >= 250, $"took {clock.ElapsedMilliseconds} ms with the switch on");
    }

    [Fact]
    public async Task A_scoped_fault_fires_only_for_its_sku_user_or_node()
    {
        using var host = new FaultTestHost(node: "silo-a");
        host.Set(FaultNames.HotSkuDelay, new FaultSetting(Enabled: true, Scope: FaultScope.ForSku("BOOK-001")));
        host.Set(FaultNames.PaymentDecline, new FaultSetting(Enabled: true, Scope: new FaultScope(User: "alice")));
        host.Set(FaultNames.Gateway503, new FaultSetting(Enabled: true, Scope: new FaultScope(Silo: "silo-b")));
        host.Set(FaultNames.CheckoutSagaCrash, new FaultSetting(Enabled: true, Scope: new FaultScope(Silo: "SILO-A")));

        Assert.True(await host.Injector.FiresAsync(FaultNames.HotSkuDelay, FaultScope.ForSku("BOOK-001")));
        Assert.False(await host.Injector.FiresAsync(FaultNames.HotSkuDelay, FaultScope.ForSku("BOOK-002")));
        Assert.False(await host.Injector.FiresAsync(FaultNames.HotSkuDelay, FaultScope.None));
        Assert.True(await host.Injector.FiresAsync(FaultNames.PaymentDecline, FaultScope.ForUser("alice")));
        Assert.False(await host.Injector.FiresAsync(FaultNames.PaymentDecline, FaultScope.ForUser("bob")));
        Assert.False(await host.Injector.FiresAsync(FaultNames.Gateway503, FaultScope.None));
        Assert.True(await host.Injector.FiresAsync(FaultNames.CheckoutSagaCrash, FaultScope.None));
    }

    [Fact]
    public async Task The_probability_is_the_share_of_calls_hit()
    {
        using var host = new FaultTestHost();
        host.Set(FaultNames.PaymentDecline, new FaultSetting(Enabled: true, Probability: 0.3));
        var fired = 0;
        for (var i = 0; i < 4_000; i++)
            fired += await host.Injector.FiresAsync(FaultNames.PaymentDecline, FaultScope.None) ? 1 : 0;
        Assert.InRange(fired, 1_000, 1_400);

        host.Set(FaultNames.PaymentDecline, new FaultSetting(Enabled: true, Probability: 0));
        Assert.False(await host.Injector.FiresAsync(FaultNames.PaymentDecline, FaultScope.None));
    }

    [Fact]
    public async Task A_switch_with_a_duration_turns_itself_off_when_it_runs_out()
    {
        using var host = new FaultTestHost();
        host.Set(FaultNames.Gateway503, new FaultSetting(Enabled: true, DurationSeconds: 30));
        Assert.True(await host.Injector.FiresAsync(FaultNames.Gateway503, FaultScope.None));
        host.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(host.Switches.IsOn(FaultNames.Gateway503));
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(host.Switches.IsOn(FaultNames.Gateway503));
        Assert.False(await host.Injector.FiresAsync(FaultNames.Gateway503, FaultScope.None));
        Assert.True(host.Switches.ExpireDue());
        Assert.False(host.Injector.AnyActive);
    }

    [Fact]
    public async Task Each_firing_counts_in_the_meter_and_marks_the_current_span()
    {
        using var host = new FaultTestHost();
        var counted = new List<(string Instrument, long Value, string? Fault)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "K8Shop.Faults")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => counted.Add((instrument.Name, value, Fault(tags))));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => counted.Add((instrument.Name, value, Fault(tags))));
        listener.Start();
        using var source = new ActivitySource("K8Shop.Tests.Faults");
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);

        host.Set(FaultNames.PaymentDecline, new FaultSetting(Enabled: true));
        using (var span = source.StartActivity("checkout"))
        {
            Assert.True(await host.Injector.FiresAsync(FaultNames.PaymentDecline, FaultScope.None));
            var fired = Assert.Single(span!.Events);
            Assert.Equal("fault.injected", fired.Name);
            Assert.Equal(FaultNames.PaymentDecline, fired.Tags.Single(t => t.Key == "fault.name").Value);
        }
        listener.RecordObservableInstruments();

        Assert.Contains(("k8shop.faults.injected", 1L, FaultNames.PaymentDecline), counted);
        Assert.Contains(("k8shop.faults.active", 1L, FaultNames.PaymentDecline), counted);
        Assert.Contains(("k8shop.faults.active", 0L, FaultNames.Gateway503), counted);
    }

    private static string? Fault(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "fault")
                return tag.Value as string;
        }
        return null;
    }
}
