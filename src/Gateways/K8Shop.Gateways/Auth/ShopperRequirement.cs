using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// The caller must be the shopper a request names in <see cref="Parameter"/> (route value or query): the token's
/// subject, or, where <see cref="AllowGuest"/>, the guest id in the caller's own cookie. Admins pass.
/// </summary>
public sealed record ShopperRequirement(string Parameter, bool AllowGuest, bool Optional) : IAuthorizationRequirement;

public sealed class ShopperRequirementHandler(GuestCookie guests) : AuthorizationHandler<ShopperRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ShopperRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
            return Task.CompletedTask;
        var named = http.GetRouteValue(requirement.Parameter) as string ?? http.Request.Query[requirement.Parameter].ToString();
        if (string.IsNullOrEmpty(named))
        {
            if (requirement.Optional)
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (IsFor(context.User, named) || (requirement.AllowGuest && guests.Read(http) == named))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool IsFor(ClaimsPrincipal user, string userId) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(AuthPolicies.AdminRole) || string.Equals(user.FindFirstValue(AuthPolicies.SubjectClaim), userId, StringComparison.Ordinal));
}
