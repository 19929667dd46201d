using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.Contracts.Faults;

namespace K8Shop.ContractTests.Faults;

/// <summary>
/// <c>GET /admin/faults</c> and <c>PUT /admin/faults/{name}</c>: the contract's shape, who may call them, how bad
/// values are refused, and the gateway-level effects: gateway-503, /health Degraded, expiry, the saga crash resumed.
/// </summary>
public sealed class FaultsApiTests(FaultsHost host) : IClassFixture<FaultsHost>
{
    [Fact]
    public async Task Get_lists_every_switch_with_the_contracts_fields_and_the_one_configuration_turned_on()
    {
        var response = await host.Admin().GetAsync("/admin/faults");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var faults = json.GetProperty("faults").EnumerateArray().ToList();
        Assert.Equal(FaultCatalog.All.Select(f => f.Name), faults.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(
            ["name", "description", "kind", "enabled", "probability", "latencyMs", "durationSeconds", "scope", "enabledAt", "expiresAt"],
            faults[0].EnumerateObject().Select(p => p.Name));
        Assert.All(faults, f => Assert.Contains(f.GetProperty("kind").GetString(), new[] { "error", "latency", "outcome" }));
        var configured = faults.Single(f => f.GetProperty("name").GetString() == FaultNames.CatalogLatency);
        Assert.True(configured.GetProperty("enabled").GetBoolean());
        Assert.Equal(1, configured.GetProperty("latencyMs").GetInt32());
        Assert.Equal("NO-SUCH-BOOK", configured.GetProperty("scope").GetProperty("sku").GetString());
        Assert.True(json.GetProperty("anyActive").GetBoolean());
    }

    [Fact]
    public async Task Only_an_admin_or_a_machine_reaches_the_switches()
    {
        var anonymous = await host.Client().GetAsync("/admin/faults");
        var shopper = await host.Client(TestTokens.Shopper("mallory")).GetAsync("/admin/faults");
        var shopperPut = await host.Client(TestTokens.Shopper("mallory")).PutAsJsonAsync($"/admin/faults/{FaultNames.Gateway503}", new { enabled = true });
        var machine = await host.Client(TestTokens.Machine()).GetAsync("/admin/faults");
        var admin = await host.Admin().GetAsync("/admin/faults");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shopper.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shopperPut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, machine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.False((await Setting(FaultNames.Gateway503)).GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("""{"enabled":true,"probability":1.5}""", "probability")]
    [InlineData("""{"enabled":true,"probability":-1}""", "probability")]
    [InlineData("""{"enabled":true,"latencyMs":-5}""", "latencyMs")]
    [InlineData("""{"enabled":true,"durationSeconds":0}""", "durationSeconds")]
    [InlineData("""{"enabled":true,"scope":{"sku":""}}""", "scope.sku")]
    [InlineData("""{"probability":0.5}""", "enabled")]
    public async Task A_bad_value_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var before = await Setting(FaultNames.PaymentDecline);

        var response = await host.Admin().PutAsync($"/admin/faults/{FaultNames.PaymentDecline}", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), $"no error for {field}: {problem}");
        Assert.NotEmpty(reasons.EnumerateArray());
        Assert.Equal(before.ToString(), (await Setting(FaultNames.PaymentDecline)).ToString());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_and_an_unknown_name_404()
    {
        var wrongType = await host.Admin().PutAsync($"/admin/faults/{FaultNames.PaymentDecline}",
            new StringContent("""{"enabled":true,"latencyMs":"slow"}""", Encoding.UTF8, "application/json"));
        var unknown = await host.Admin().PutAsJsonAsync("/admin/faults/no-such-fault", new { enabled = true });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("latencyMs", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_answers_the_stored_state_with_its_times()
    {
        var response = await host.Admin().PutAsJsonAsync($"/admin/faults/{FaultNames.PaymentLatency}",
            new { enabled = true, probability = 0.25, latencyMs = 5, durationSeconds = 600, scope = new { user = "nobody-real" } });
        var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await host.Admin().PutAsJsonAsync($"/admin/faults/{FaultNames.PaymentLatency}", new { enabled = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((FaultNames.PaymentLatency, "latency", true, 0.25, 5), (
            state.GetProperty("name").GetString(), state.GetProperty("kind").GetString(), state.GetProperty("enabled").GetBoolean(),
            state.GetProperty("probability").GetDouble(), state.GetProperty("latencyMs").GetInt32()));
        Assert.Equal("nobody-real", state.GetProperty("scope").GetProperty("user").GetString());
        var enabledAt = state.GetProperty("enabledAt").GetDateTimeOffset();
        Assert.Equal(enabledAt.AddSeconds(600), state.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.False((await Setting(FaultNames.PaymentLatency)).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Gateway_503_refuses_routes_with_retry_after_spares_the_switches_and_health_and_health_says_degraded()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/catalog")).StatusCode);

        await Put(FaultNames.Gateway503, new { enabled = true });
        HttpResponseMessage refused;
        JsonElement health;
        HttpStatusCode ready, switches;
        try
        {
            refused = await Eventually(async () => await host.Client().GetAsync("/catalog"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            switches = (await host.Admin().GetAsync("/admin/faults")).StatusCode;
            var healthResponse = await host.Client().GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);
            health = JsonDocument.Parse(await healthResponse.Content.ReadAsStringAsync()).RootElement;
            ready = (await host.Client().GetAsync("/health/ready")).StatusCode;
        }
        finally
        {
            await Put(FaultNames.Gateway503, new { enabled = false });
        }
        var back = await Eventually(async () => await host.Client().GetAsync("/catalog"), r => r.StatusCode == HttpStatusCode.OK);

        Assert.Equal("2", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("gateway-503", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, switches);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Contains(FaultNames.Gateway503, health.GetProperty("faults").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task A_switch_with_a_duration_turns_itself_off()
    {
        await Put(FaultNames.Gateway503, new { enabled = true, durationSeconds = 2, scope = new { user = "expiring-user" } });
        var client = host.Client(TestTokens.Shopper("expiring-user"));

        var refused = await Eventually(() => client.GetAsync("/catalog"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var other = await host.Client(TestTokens.Shopper("someone-else")).GetAsync("/catalog");
        var back = await Eventually(() => client.GetAsync("/catalog"), r => r.StatusCode == HttpStatusCode.OK, seconds: 10);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.False((await Setting(FaultNames.Gateway503)).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task A_checkout_cut_by_the_saga_crash_fault_is_finished_by_the_due_work_sweep_in_the_embedded_host()
    {
        var user = $"crash-{Guid.NewGuid():N}"[..20];
        var shopper = host.Client(TestTokens.Shopper(user));
        await Put(FaultNames.CheckoutSagaCrash, new { enabled = true, scope = new { user } });
        try
        {
            await Eventually(async () => await shopper.PostAsJsonAsync("/orders", new { userId = user, items = new[] { new { sku = "BOOK-001", qty = 1 } } }),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            var settled = await Eventually(
                async () => JsonDocument.Parse(await shopper.GetStringAsync($"/orders/user/{user}")).RootElement,
                // Every order, not any: a POST answered before the switch reached this node confirmed at once.
                orders => orders.GetProperty("orders").EnumerateArray() is var all && all.Any()
                    && all.All(o => o.GetProperty("status").GetString() == "confirmed"),
                seconds: 30);
            var orders = settled.GetProperty("orders").EnumerateArray().ToList();
            Assert.All(orders, o => Assert.Equal("confirmed", o.GetProperty("status").GetString()));
        }
        finally
        {
            await Put(FaultNames.CheckoutSagaCrash, new { enabled = false });
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_the_switches_to_admins_and_machines_only()
    {
        var anonymous = await host.Client().GetStringAsync("/openapi/v1.json");
        var machine = await host.Client(TestTokens.Machine()).GetStringAsync("/openapi/v1.json");
        var admin = await host.Admin().GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("/admin/faults", anonymous, StringComparison.Ordinal);
        Assert.Contains("/admin/faults/{name}", machine, StringComparison.Ordinal);
        Assert.Contains("/admin/faults/{name}", admin, StringComparison.Ordinal);
    }

    private async Task Put(string fault, object body)
    {
        var response = await host.Admin().PutAsJsonAsync($"/admin/faults/{fault}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> Setting(string fault)
    {
        var json = JsonDocument.Parse(await host.Admin().GetStringAsync("/admin/faults")).RootElement;
        return json.GetProperty("faults").EnumerateArray().Single(f => f.GetProperty("name").GetString() == fault).Clone();
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, int seconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }
}
