using K8Shop.ContractTests.Hosts;

namespace K8Shop.ContractTests.Security;

/// <summary>The embedded host as it ships: <c>Auth:Mode=required</c> (the default), trusting the test token key.</summary>
public sealed class RequiredAuthHost : IAsyncLifetime
{
    public K8ShopHost Host { get; } = new(new Dictionary<string, string?> { ["K8Shop:Profile"] = "embedded" });

    public HttpClient Client(string? token = null)
    {
        var client = Host.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
