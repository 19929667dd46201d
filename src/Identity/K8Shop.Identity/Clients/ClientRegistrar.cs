using K8Shop.Identity.Configuration;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Clients;

/// <summary>Makes the stored clients and the API scope match the configuration at start: created, updated, or removed when their secret is gone.</summary>
internal sealed class ClientRegistrar(
    IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, IOptions<IdentityProviderOptions> options)
{
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await UpsertScopeAsync(cancellationToken);
        var settings = options.Value;
        await UpsertAsync(ClientDescriptors.Storefront(settings.Storefront), cancellationToken);
        await UpsertOrRemoveAsync(ShopClients.Operator, settings.OperatorClient, ClientDescriptors.Operator, cancellationToken);
        await UpsertOrRemoveAsync(ShopClients.LoadGen, settings.LoadGenClient, ClientDescriptors.LoadGen, cancellationToken);
    }

    private async Task UpsertScopeAsync(CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictScopeDescriptor { Name = ShopClients.ApiScope, DisplayName = "K8Shop API", Resources = { ShopClients.ApiAudience } };
        var scope = await scopes.FindByNameAsync(ShopClients.ApiScope, cancellationToken);
        if (scope is null)
            await scopes.CreateAsync(descriptor, cancellationToken);
        else
            await scopes.UpdateAsync(scope, descriptor, cancellationToken);
    }

    private async Task UpsertOrRemoveAsync(string clientId, ConfidentialClientOptions client, Func<string, OpenIddictApplicationDescriptor> describe,
        CancellationToken cancellationToken)
    {
        if (client.IsEnabled)
        {
            await UpsertAsync(describe(client.Secret!), cancellationToken);
            return;
        }
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } stale)
            await applications.DeleteAsync(stale, cancellationToken);
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (application is null)
            await applications.CreateAsync(descriptor, cancellationToken);
        else
            await applications.UpdateAsync(application, descriptor, cancellationToken);
    }
}
