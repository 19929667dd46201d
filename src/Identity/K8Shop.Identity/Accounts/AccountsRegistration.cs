using K8Shop.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace K8Shop.Identity.Accounts;

internal static class AccountsRegistration
{
    public const string CookieName = "k8shop.identity";

    /// <summary>
    /// ASP.NET Core Identity without <c>AddIdentity</c>: that one makes its cookie the host's default scheme, and the
    /// co-hosted gateway's default is JwtBearer. Pages sign in with the application cookie scheme by name.
    /// </summary>
    public static IServiceCollection AddShopAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<ShopUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // The cookie principal uses the token claim names, so one user id lookup serves pages and protocol.
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStoreContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<ShopUser>>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(1));

        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/identity/signin";
            options.LogoutPath = "/identity/signout";
            options.AccessDeniedPath = "/identity/signin";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
        }));
        services.AddScoped<AdminAccountSeeder>();
        return services;
    }

}
