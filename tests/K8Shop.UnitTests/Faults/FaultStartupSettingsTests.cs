using K8Shop.Contracts.Faults;
using K8Shop.Faults.Hosting;
using Microsoft.Extensions.Configuration;

namespace K8Shop.UnitTests.Faults;

public sealed class FaultStartupSettingsTests
{
    [Fact]
    public void Switches_set_in_configuration_are_read_with_their_parameters_and_scope()
    {
        var settings = FaultStartupSettings.Read(Configuration(new()
        {
            ["Faults:payment-decline:Enabled"] = "true",
            ["Faults:payment-decline:Probability"] = "0.2",
            ["Faults:payment-decline:DurationSeconds"] = "60",
            ["Faults:payment-decline:Scope:User"] = "ana",
            ["Faults:hot-sku-delay:Enabled"] = "false",
            ["Faults:hot-sku-delay:LatencyMs"] = "300",
        })).Settings;

        Assert.Equal(new FaultSetting(true, 0.2, null, 60, new FaultScope(User: "ana")), settings[FaultNames.PaymentDecline]);
        Assert.Equal(new FaultSetting(false, 1, 300), settings[FaultNames.HotSkuDelay]);
        Assert.Equal(2, settings.Count);
    }

    [Theory]
    [InlineData("Faults:payment-declines:Enabled", "true", "Faults:payment-declines")]
    [InlineData("Faults:payment-decline:Probability", "7", "Faults:payment-decline:probability")]
    [InlineData("Faults:payment-decline:Probabilty", "0.5", "Probabilty")]
    [InlineData("Faults:payment-decline:Enabled", "yes", "Faults:payment-decline:Enabled")]
    public void A_bad_name_key_or_value_stops_the_start_naming_it(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => FaultStartupSettings.Read(Configuration(new() { [key] = value })));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
