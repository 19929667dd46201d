using K8Shop.Identity.Accounts;
using K8Shop.Identity.Pages;
using K8Shop.Identity.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Identity.Hosting;

internal static class IdentityEndpoints
{
    public static void MapIdentityProtocol(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OpenIddictRegistration.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync)
            .WithName("IdentityAuthorize").ExcludeFromDescription();
        app.MapPost(OpenIddictRegistration.TokenPath, TokenEndpoint.HandleAsync).WithName("IdentityToken").ExcludeFromDescription();
        app.MapMethods(OpenIddictRegistration.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync)
            .WithName("IdentityUserInfo").ExcludeFromDescription();
        var endSession = app.MapGroup(EndSessionEndpoint.Path).AddEndpointFilter(WithAccountCookie).ExcludeFromDescription();
        endSession.MapGet("", EndSessionEndpoint.ShowAsync).WithName("IdentityEndSession");
        endSession.MapPost("", EndSessionEndpoint.SubmitAsync).WithName("IdentityEndSessionConfirm");
    }

    public static void MapIdentityPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageLayout.StylesheetPath, IdentityStylesheet.Serve).WithName("IdentityStylesheet").ExcludeFromDescription();
        var pages = app.MapGroup("").AddEndpointFilter(WithAccountCookie).ExcludeFromDescription();
        pages.MapGet(SignInPage.Path, SignInPage.Show).WithName("IdentitySignIn");
        pages.MapPost(SignInPage.Path, SignInPage.SubmitAsync).WithName("IdentitySignInSubmit");
        pages.MapGet(SignUpPage.Path, SignUpPage.Show).WithName("IdentitySignUp");
        pages.MapPost(SignUpPage.Path, SignUpPage.SubmitAsync).WithName("IdentitySignUpSubmit");
        pages.MapGet(SignOutPage.Path, SignOutPage.Show).WithName("IdentitySignOut");
        pages.MapPost(SignOutPage.Path, SignOutPage.SubmitAsync).WithName("IdentitySignOutSubmit");
        pages.MapGet(ForgotPasswordPage.Path, ForgotPasswordPage.Show).WithName("IdentityForgotPassword");
        pages.MapPost(ForgotPasswordPage.Path, ForgotPasswordPage.SubmitAsync).WithName("IdentityForgotPasswordSubmit");
        pages.MapGet(ResetPasswordPage.Path, ResetPasswordPage.Show).WithName("IdentityResetPassword");
        pages.MapPost(ResetPasswordPage.Path, ResetPasswordPage.SubmitAsync).WithName("IdentityResetPasswordSubmit");
        pages.MapGet(ChangePasswordPage.Path, ChangePasswordPage.ShowAsync).WithName("IdentityChangePassword");
        pages.MapPost(ChangePasswordPage.Path, ChangePasswordPage.SubmitAsync).WithName("IdentityChangePasswordSubmit");
    }

    /// <summary>
    /// Pages act for the identity cookie's account only, whatever else authenticated the request (the co-hosted
    /// gateway's bearer token): the user the antiforgery token is bound to is then the same on GET and POST.
    /// </summary>
    private static async ValueTask<object?> WithAccountCookie(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        context.User = session.Succeeded ? session.Principal : new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        return await next(invocation);
    }
}
