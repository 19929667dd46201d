using K8Shop.Identity.Hosting;
using K8Shop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("k8shop-identity");
builder.AddK8ShopIdentity();

var app = builder.Build();
app.UseK8ShopIdentity();
app.MapK8ShopIdentity();
app.MapGet("/health/live", () => TypedResults.Ok()).ExcludeFromDescription();
await app.RunAsync();
