using K8Shop.Gateway.Hosting;
using K8Shop.Gateways.Hosting;

var builder = WebApplication.CreateBuilder(args);
// Kestrel starts while the Orleans client is still looking for silos, so liveness answers and readiness says 503.
builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
builder.UseOrleansClient(client => client.UseK8ShopClustering(builder.Configuration));
builder.Services.AddK8ShopGateway(builder.Configuration);

var app = builder.Build();
app.UseK8ShopGateway();
app.MapK8ShopGateway();
app.LogServedModules();
await app.RunAsync();
