using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// Refuses to start a host with a route that decides nothing about its callers: every endpoint must name a policy
/// (<see cref="AuthPolicies"/>) or allow anonymous callers on purpose. A route added without a decision stops the
/// host at start with its name, instead of shipping open.
/// </summary>
public sealed class RouteAuthorizationAudit(EndpointDataSource endpoints) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var undecided = Undecided(endpoints).ToList();
        if (undecided.Count > 0)
            throw new InvalidOperationException(
                "These routes decide nothing about their callers; give each .RequireAuthorization(AuthPolicies.X) or .AllowAnonymous(): "
                + string.Join(", ", undecided));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each endpoint with neither a policy nor an anonymous marker, by route and method.</summary>
    public static IEnumerable<string> Undecided(EndpointDataSource endpoints) =>
        endpoints.Endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(Describe);

    public static string Describe(Endpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
        return methods.Count == 0 ? route : $"{string.Join("|", methods)} {route}";
    }
}
