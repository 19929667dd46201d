using System.Security.Claims;
using K8Shop.Contracts.Identity;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// Hands the authenticated caller to every grain call the request makes (<see cref="Caller"/>), so grains check
/// ownership themselves. A request with no token and no guest cookie calls as nobody: it can reach no shopper's
/// data. In <c>Auth:Mode=open</c> nothing is set and grains trust the path, as the original did.
/// </summary>
public sealed class CallerMiddleware(RequestDelegate next, GuestCookie guests)
{
    public async Task InvokeAsync(HttpContext context)
    {
        For(context.User, guests.Read(context)).Enter();
        try
        {
            await next(context);
        }
        finally
        {
            Caller.Leave();
        }
    }

    public static Caller For(ClaimsPrincipal user, string? guestId)
    {
        if (user.Identity?.IsAuthenticated != true)
            return new Caller(guestId ?? "", CallerKind.Shopper, guestId);
        var subject = user.FindFirstValue(AuthPolicies.SubjectClaim) ?? "";
        var kind = user.IsInRole(AuthPolicies.AdminRole) ? CallerKind.Admin
            : user.IsInRole(AuthPolicies.MachineRole) ? CallerKind.Machine
            : CallerKind.Shopper;
        return new Caller(subject, kind, guestId);
    }
}
