using K8Shop.Gateways.Hosting;
using K8Shop.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddK8ShopSiloTelemetry();
builder.AddK8ShopSilo();
builder.Services.AddK8ShopGateway(builder.Configuration);
builder.AddCoHostedIdentity();

var app = builder.Build();
app.UseStorefront();
app.UseK8ShopGateway();
app.MapK8ShopGateway();
app.MapCoHostedIdentity();
app.MapStorefront();
if (app.Services.GetRequiredService<K8ShopOptions>().Dashboard)
    app.MapOrleansDashboard("/dashboard").ExcludeFromDescription().RequireAuthorization(app.Configuration.AdminPagePolicy());
app.LogStartupUrls();
await app.RunAsync();

/// <summary>The embedded host's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
