using System.Net;
using Catalog.V1;
using Grpc.Net.Client;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Process;

/// <summary>
/// The standalone gateway (an Orleans client) as its own process next to an embedded silo process, found by the
/// silo's client gateway port: which routes each module serves, readiness that follows the cluster, and a start that
/// refuses an unknown module.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class GatewayProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const string OperatorSecret = "gateway-process-operator-secret";

    [Fact]
    public async Task Gateway_WithOrdersModule_ServesOrderRoutesAndNotCatalogRoutes()
    {
        await using var silo = await StartSiloAsync(HostPorts.Free());
        await using var gateway = StartGateway(silo.Ports.Gateway, "orders", authority: silo.Ports.HttpUrl + "/");
        await gateway.WaitUntilReadyAsync("/health/ready", StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Ports.HttpUrl) };
        var token = await OperatorTokenAsync(silo.Ports.HttpUrl);

        var ordersHealth = await http.GetAsync("/orders/healthz");
        var missingOrder = await http.GetAsync($"/orders/{Guid.NewGuid()}");
        var catalog = await http.GetAsync("/catalog");
        var catalogHealth = await http.GetAsync("/healthz");
        var cart = await http.GetAsync("/cart/ana");
        var payments = await http.GetAsync("/payments/healthz");
        var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ordersHealth.StatusCode);
        Assert.Contains("\"ok\":true", await ordersHealth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The route is served, and with tokens required it first asks who is calling.
        Assert.Equal(HttpStatusCode.Unauthorized, missingOrder.StatusCode);
        Assert.Contains("authentication required", await missingOrder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A token from the silo's provider, checked by the gateway against the provider's discovery document and keys.
        using var asOperator = new HttpRequestMessage(HttpMethod.Get, $"/orders/{Guid.NewGuid()}") { Headers = { Authorization = new("Bearer", token) } };
        var withToken = await http.SendAsync(asOperator);
        Assert.Equal(HttpStatusCode.NotFound, withToken.StatusCode);
        Assert.Contains("does not exist", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
            (catalog.StatusCode, catalogHealth.StatusCode, cart.StatusCode, payments.StatusCode, live.StatusCode));
        Assert.Contains("Gateway serves modules orders;", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_WithCatalogModule_ServesCatalogRestAndGrpcAndNotOrders()
    {
        await using var silo = await StartSiloAsync(HostPorts.Free());
        await using var gateway = StartGateway(silo.Ports.Gateway, "catalog");
        await gateway.WaitUntilReadyAsync("/health/ready", StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Ports.HttpUrl) };
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{gateway.Ports.Grpc}");

        var product = await http.GetStringAsync("/catalog/BOOK-005");
        var grpcProduct = await new CatalogService.CatalogServiceClient(channel).GetProductAsync(new GetProductRequest { Id = "BOOK-006" });
        var order = await http.PostAsync("/orders", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("\"title\":\"Atomic Habits\"", product, StringComparison.Ordinal);
        Assert.Equal("The Phoenix Project", grpcProduct.Title);
        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
    }

    [Fact]
    public async Task Gateway_Readiness_Is503WithoutASilo_200OnceOneIsUp_503WhenItDies_And200WithTheNext_WhileLivenessStays200()
    {
        var siloPorts = HostPorts.Free();
        await using var gateway = StartGateway(siloPorts.Gateway, modules: null);
        await gateway.WaitUntilReadyAsync("/health/live", StartTimeout);
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Ports.HttpUrl), Timeout = TimeSpan.FromSeconds(15) };

        var readyWithoutSilo = await http.GetAsync("/health/ready");
        var orderWithoutSilo = await http.GetAsync($"/orders/{Guid.NewGuid()}");
        await using var silo = await StartSiloAsync(siloPorts);
        await gateway.WaitUntilReadyAsync("/health/ready", StartTimeout);
        var liveWithSilo = await http.GetAsync("/health/live");
        var catalogWithSilo = await http.GetAsync("/catalog/BOOK-001");
        await silo.KillAsync();
        var readyAfterSilo = await WaitForStatusAsync(http, "/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        var liveAfterSilo = await http.GetAsync("/health/live");
        await using var nextSilo = await StartSiloAsync(siloPorts);
        var readyWithNextSilo = await WaitForStatusAsync(http, "/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWithoutSilo.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, orderWithoutSilo.StatusCode);
        Assert.NotNull(orderWithoutSilo.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, liveWithSilo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, catalogWithSilo.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyAfterSilo);
        Assert.Equal(HttpStatusCode.OK, liveAfterSilo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyWithNextSilo);
    }

    [Fact]
    public async Task Gateway_WithAnUnknownModule_StopsAtStartNamingTheKeyAndTheAllowedModules()
    {
        await using var gateway = StartGateway(TestPorts.Free(), "orders, shipping");

        var exited = await WaitForExitAsync(gateway, TimeSpan.FromSeconds(60));

        Assert.True(exited, $"the gateway kept running with an unknown module:\n{gateway.Output}");
        Assert.Contains("Gateway:Modules (env Gateway__Modules) names unknown module(s) 'shipping'", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("allowed: catalog, products, covers, cart, inventory, orders, payments, recommendations, notifications", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_InOpenMode_WarnsInCapitalsAtStart_AndWithoutAnAuthorityStillStarts()
    {
        await using var gateway = HostProcess.Start(BuiltGateway.DllPath, ports =>
        [
            new("Kestrel__Endpoints__Http__Url", ports.HttpUrl),
            new("Kestrel__Endpoints__Grpc__Url", $"http://127.0.0.1:{ports.Grpc}"),
            new("Orleans__GatewayPort", "9"),
            new("ConnectionStrings__Postgres", ""),
            new("Auth__Mode", "open"),
        ]);
        await gateway.WaitUntilReadyAsync("/health/live", StartTimeout);

        Assert.Contains("AUTH MODE IS OPEN", gateway.Output, StringComparison.Ordinal);
    }

    private static async Task<HostProcess> StartSiloAsync(HostPorts ports)
    {
        var silo = HostProcess.Start(BuiltSilo.DllPath, p => [.. p.Settings(), new("K8Shop__Profile", "embedded"), new("K8Shop__Dashboard", "false"),
            new("Identity__OperatorClient__Secret", OperatorSecret)], ports);
        await silo.WaitUntilReadyAsync("/health/live", StartTimeout);
        return silo;
    }

    /// <summary>A gateway on localhost clustering (no PostgreSQL), looking for a silo's client gateway at <paramref name="siloGatewayPort"/>.</summary>
    private static HostProcess StartGateway(int siloGatewayPort, string? modules, string authority = "http://127.0.0.1:9/") =>
        HostProcess.Start(BuiltGateway.DllPath, ports =>
        [
            new("Auth__Authority", authority),
            new("Auth__RequireHttpsMetadata", "false"),
            new("Kestrel__Endpoints__Http__Url", ports.HttpUrl),
            new("Kestrel__Endpoints__Grpc__Url", $"http://127.0.0.1:{ports.Grpc}"),
            new("Orleans__GatewayPort", siloGatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ConnectionStrings__Postgres", ""),
            new("Gateway__Modules", modules ?? ""),
        ]);

    /// <summary>An admin token from the co-hosted provider by client credentials, as an operator's script gets one.</summary>
    private static async Task<string> OperatorTokenAsync(string siloUrl)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(siloUrl + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "operator",
            ["client_secret"] = OperatorSecret,
            ["scope"] = "k8shop",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="wanted"/> or the time is up; the last status.</summary>
    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient http, string path, HttpStatusCode wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode == wanted || DateTime.UtcNow > deadline)
                return response.StatusCode;
            await Task.Delay(250);
        }
    }

    private static async Task<bool> WaitForExitAsync(HostProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        return process.HasExited;
    }
}

/// <summary>The test hosts' answer to a port taken between choosing it and binding it.</summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class HostProcessPortTests
{
    [Fact]
    public async Task HostProcess_WhoseRestPortIsTaken_StartsAgainOnNewPortsAndServes()
    {
        using var squatter = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var ports = HostPorts.Free() with { Http = taken };

        await using var silo = HostProcess.Start(BuiltSilo.DllPath, p => [.. p.Settings(), new("K8Shop__Profile", "embedded"), new("K8Shop__Dashboard", "false")], ports, pinPorts: false);
        await silo.WaitUntilReadyAsync("/health/live", TimeSpan.FromSeconds(90));

        Assert.NotEqual(taken, silo.Ports.Http);
        Assert.Contains("address already in use", silo.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("starting again on new ports", silo.Output, StringComparison.Ordinal);
    }
}
