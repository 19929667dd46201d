using K8Shop.Gateways.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Auth;

/// <summary><c>POST /auth/guest</c>: the id a guest's cart is kept under, issued by the server in an HttpOnly cookie.</summary>
public static class GuestApi
{
    public static IEndpointRouteBuilder MapGuestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/guest", Issue).WithName("IssueGuestId").WithTags("Identity").AllowAnonymous()
            .WithSummary("This browser's guest id (new, or the one its cookie already carries); cart routes accept it as the user id")
            .WithPipelineProblems();
        return app;
    }

    public static Ok<GuestResponse> Issue(HttpContext context, GuestCookie guests) => TypedResults.Ok(new GuestResponse(guests.Issue(context)));
}

public sealed record GuestResponse(string GuestId);
