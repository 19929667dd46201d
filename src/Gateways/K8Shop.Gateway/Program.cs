using K8Shop.Gateway.Hosting;
using K8Shop.Gateways.Hosting;
using K8Shop.ServiceDefaults;
using K8Shop.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);
// Kestrel starts while the Orleans client is still looking for silos, so liveness answers and readiness says 503.
builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
builder.AddServiceDefaults("k8shop-gateway");
// The process's one clock (token cache, payment tokens, fault switches).
builder.Services.AddSingleton(TimeProvider.System);
builder.UseOrleansClient(client =>
{
    client.UseK8ShopClustering(builder.Configuration);
    client.Services.AddCachedGrainInterfaceTypes();
    // The trace context rides along each grain call, so one trace follows a request into the silos.
    if (TelemetrySettings.Of(builder.Services).Tracing)
        client.Services.AddGrainCallTracing();
});
builder.Services.AddK8ShopGateway(builder.Configuration);

var app = builder.Build();
app.UseK8ShopGateway();
app.MapK8ShopGateway();
app.LogServedModules();
await app.RunAsync();
