using K8Shop.Contracts.Faults;

namespace K8Shop.UnitTests.Faults;

public sealed class FaultSettingRulesTests
{
    [Fact]
    public void The_catalog_has_the_seventeen_contract_names_once_each()
    {
        Assert.Equal(17, FaultCatalog.All.Count);
        Assert.Equal(17, FaultCatalog.All.Select(f => f.Name).Distinct().Count());
        Assert.All(FaultCatalog.All, f => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", f.Name));
        Assert.All(FaultCatalog.All.Where(f => f.Kind == FaultKind.Latency), f => Assert.NotNull(f.DefaultLatencyMs));
    }

    [Theory]
    [InlineData(1.5, null, null, "probability")]
    [InlineData(-0.1, null, null, "probability")]
    [InlineData(double.NaN, null, null, "probability")]
    [InlineData(1, -1, null, "latencyMs")]
    [InlineData(1, 500_000, null, "latencyMs")]
    [InlineData(1, null, 0, "durationSeconds")]
    public void A_bad_value_names_its_field(double probability, int? latency, int? duration, string field)
    {
        var error = Assert.Throws<FaultSettingException>(() => FaultSettingRules.Validate(new FaultSetting(true, probability, latency, duration)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_blank_scope_value_is_refused_and_an_empty_scope_dropped()
    {
        var error = Assert.Throws<FaultSettingException>(() => FaultSettingRules.Validate(new FaultSetting(true, Scope: new FaultScope(Sku: " "))));
        Assert.Equal("scope.sku", error.Field);
        var stored = FaultSettingRules.Normalize(FaultCatalog.Get(FaultNames.HotSkuDelay), new FaultSetting(true, Scope: new FaultScope()), DateTimeOffset.UnixEpoch);
        Assert.Null(stored.Scope);
    }

    [Fact]
    public void Turning_on_stamps_the_times_and_fills_the_default_latency()
    {
        var now = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);
        var on = FaultSettingRules.Normalize(FaultCatalog.Get(FaultNames.PaymentLatency), new FaultSetting(true, DurationSeconds: 60), now);
        Assert.Equal(now, on.EnabledAt);
        Assert.Equal(now.AddSeconds(60), on.ExpiresAt);
        Assert.Equal(2000, on.LatencyMs);
        var off = FaultSettingRules.Normalize(FaultCatalog.Get(FaultNames.PaymentLatency), on with { Enabled = false }, now);
        Assert.Null(off.EnabledAt);
        Assert.Null(off.ExpiresAt);
        Assert.Throws<UnknownFaultException>(() => FaultCatalog.Get("no-such-fault"));
    }
}
