using K8Shop.Identity.Accounts;
using K8Shop.Identity.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8Shop.Identity.Storage;

/// <summary>At start: the tables, then the API scope, the clients and the first administrator from configuration.</summary>
internal sealed partial class IdentityStoreInitializer(
    IServiceScopeFactory scopes, IIdentityStoreSchema schema, ILogger<IdentityStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await schema.RunExclusiveAsync(services.GetRequiredService<IdentityStoreContext>(), async token =>
        {
            await services.GetRequiredService<ClientRegistrar>().RegisterAsync(token);
            var adminId = await services.GetRequiredService<AdminAccountSeeder>().SeedAsync();
            LogReady(adminId ?? "(none configured)");
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity store ready: clients registered from configuration, first administrator {AdminUserId}")]
    private partial void LogReady(string adminUserId);
}
