using K8Shop.Gateway.Hosting;
using K8Shop.Gateways.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleansClient(client => client.UseK8ShopClustering(builder.Configuration));
builder.Services.AddK8ShopGateway(builder.Configuration);

var app = builder.Build();
app.UseK8ShopGateway();
app.MapK8ShopGateway();
await app.RunAsync();
