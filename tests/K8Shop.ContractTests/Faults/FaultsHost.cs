using System.Net.Http.Headers;
using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Faults;

/// <summary>
/// An embedded host of its own (auth required, as shipped), whose fault switches the tests turn on and off; it
/// follows its switchboard every 200 ms and resumes interrupted sagas after 2 s. Started with
/// <c>Faults:catalog-latency</c> set in configuration, at 1 ms, so the start-up path is exercised.
/// </summary>
public sealed class FaultsHost : IAsyncLifetime
{
    public K8ShopHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["K8Shop:Profile"] = "embedded",
        ["FaultSwitches:RefreshInterval"] = "00:00:00.200",
        ["Orders:ResumeAfter"] = "00:00:02",
        ["Faults:catalog-latency:Enabled"] = "true",
        ["Faults:catalog-latency:LatencyMs"] = "1",
        ["Faults:catalog-latency:Scope:Sku"] = "NO-SUCH-BOOK",
    });

    public HttpClient Client(string? token = null)
    {
        var client = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => Client(TestTokens.Admin());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
