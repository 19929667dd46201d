using K8Shop.Gateways.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseOrleansClient(client =>
{
    var orleans = builder.Configuration.GetSection("Orleans");
    client.UseLocalhostClustering(
        gatewayPort: orleans.GetValue("GatewayPort", 30000),
        serviceId: orleans.GetValue("ServiceId", "k8shop")!,
        clusterId: orleans.GetValue("ClusterId", "k8shop-dev")!);
});
builder.Services.AddK8ShopGateway(builder.Configuration);

var app = builder.Build();
app.UseK8ShopGateway();
app.MapK8ShopGateway();
await app.RunAsync();
