using K8Shop.Gateways.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace K8Shop.Gateways.OpenApi;

/// <summary>
/// The OpenAPI document describes to each caller what that caller may use: the admin and stock operations appear only
/// to an admin's token (stock and fault-switch ones also to a machine's), so the public document is no map of the back office.
/// </summary>
public static class AdminOperationsFilter
{
    public static Task OnlyWhatTheCallerMayUse(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var user = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.User;
        if (user?.IsInRole(AuthPolicies.AdminRole) == true || document.Paths is null)
            return Task.CompletedTask;
        var machine = user?.IsInRole(AuthPolicies.MachineRole) == true;
        foreach (var description in context.DescriptionGroups.SelectMany(group => group.Items))
        {
            var policies = description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            var hidden = policies.Contains(AuthPolicies.Admin)
                || ((policies.Contains(AuthPolicies.Stock) || policies.Contains(AuthPolicies.Faults)) && !machine);
            if (!hidden || description.HttpMethod is null)
                continue;
            var path = "/" + description.RelativePath?.TrimEnd('/');
            if (!document.Paths.TryGetValue(path, out var item) || item.Operations is null)
                continue;
            item.Operations.Remove(new HttpMethod(description.HttpMethod));
            if (item.Operations.Count == 0)
                document.Paths.Remove(path);
        }
        return Task.CompletedTask;
    }
}
