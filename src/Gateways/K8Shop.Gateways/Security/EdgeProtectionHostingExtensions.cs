using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Security;

/// <summary>
/// The gateway's edge protection, for the embedded host and the standalone gateway alike: security headers and HSTS
/// on every response and the credential endpoints' rate limit, both ahead of everything else (a startup filter, so
/// static files and the identity provider are covered too); the general rate limit, body caps and JSON body checks
/// in the gateway's pipeline (<see cref="UseK8ShopEdgeProtection"/>, after authentication so users are known);
/// CORS for configured origins; no <c>Server</c> header; errors written as problem JSON whatever the Accept header.
/// </summary>
public static class EdgeProtectionHostingExtensions
{
    public static IServiceCollection AddK8ShopEdgeProtection(this IServiceCollection services, IConfiguration configuration)
    {
        AddValidated<RateLimitOptions>(services, configuration, RateLimitOptions.SectionName, o => o.Validate());
        AddValidated<RequestBodyOptions>(services, configuration, RequestBodyOptions.SectionName, o => o.Validate());
        AddValidated<SecurityHeadersOptions>(services, configuration, SecurityHeadersOptions.SectionName, o => o.Validate());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.WriteAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartitions.General(context, limits.Value));
            limiter.AddPolicy(RateLimitPartitions.AuthStrictPolicy, context => RateLimitPartitions.AuthPolicy(context, limits.Value));
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<SecurityHeadersOptions>>((hsts, headers) => hsts.MaxAge = headers.Value.HstsMaxAge);
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<RequestBodyOptions>>((grpc, bodies) => grpc.MaxReceiveMessageSize = (int)bodies.Value.MaxBytes);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        // Checked now, so a bad origin stops the host at start naming the key.
        CorsPolicies.AllowedOrigins(configuration);
        services.AddCors(cors => CorsPolicies.Configure(cors, configuration));

        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemWriter>());
        services.AddTransient<IStartupFilter, EdgeStartupFilter>();
        return services;
    }

    /// <summary>The general rate limit, then the body cap, then the JSON body checks. Call after authentication.</summary>
    public static IApplicationBuilder UseK8ShopEdgeProtection(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimits>();
        app.UseMiddleware<JsonBodyGate>();
        return app;
    }

    private static void AddValidated<TOptions>(IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, IEnumerable<string>> check)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new MessagesValidator<TOptions>(check));
    }

    private sealed class MessagesValidator<TOptions>(Func<TOptions, IEnumerable<string>> check) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) =>
            check(options).ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    /// <summary>Runs ahead of the app's own pipeline, so every response, static files and errors included, passes through.</summary>
    private sealed class EdgeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityHeaders>();
            app.UseHsts();
            app.UseRateLimiter(AuthPathLimiter(app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value));
            next(app);
        };

        // Before authentication on purpose: the identity provider may answer its token endpoint inside authentication.
        private static RateLimiterOptions AuthPathLimiter(RateLimitOptions limits)
        {
            var options = new RateLimiterOptions
            {
                RejectionStatusCode = StatusCodes.Status429TooManyRequests,
                OnRejected = RateLimitRejection.WriteAsync,
                GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartitions.AuthPaths(context, limits)),
            };
            // No endpoint is known this early; the named policy is counted by the gateway's limiter.
            options.AddPolicy(RateLimitPartitions.AuthStrictPolicy, _ => RateLimitPartition.GetNoLimiter("counted-later"));
            return options;
        }
    }
}
