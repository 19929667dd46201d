using K8Shop.Silo.Hosting;

var app = SiloApplication.Build(WebApplication.CreateBuilder(args));
app.LogStartupUrls();
await app.RunAsync();

/// <summary>The embedded host's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
