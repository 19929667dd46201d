using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// Validates access tokens: signed by the provider's current keys (read from its discovery document and cached),
/// issued by it, for <see cref="AuthOptions.Audience"/>, within their lifetime give or take
/// <see cref="AuthOptions.ClockSkew"/>. Claims keep their JWT names (<c>sub</c>, <c>role</c>). A host that co-hosts
/// the provider supplies its keys with a later <see cref="IPostConfigureOptions{JwtBearerOptions}"/>.
/// </summary>
public sealed class JwtBearerSetup(IOptions<AuthOptions> options, ValidatedTokenCache validated) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer) => Configure(bearer);

    public void Configure(JwtBearerOptions bearer)
    {
        var auth = options.Value;
        if (!string.IsNullOrWhiteSpace(auth.Authority))
            bearer.Authority = auth.Authority;
        bearer.Audience = auth.Audience;
        bearer.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        bearer.MapInboundClaims = false;
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(validated);
        bearer.TokenValidationParameters.NameClaimType = "name";
        bearer.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        bearer.TokenValidationParameters.ClockSkew = auth.ClockSkew;
        bearer.TokenValidationParameters.ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "ES256"];
        var audienceClaim = auth.AudienceClaim;
        if (audienceClaim != "aud")
            bearer.TokenValidationParameters.ValidateAudience = false;
        bearer.Events = new JwtBearerEvents
        {
            // Cognito: the audience is the app client the token was issued to.
            OnTokenValidated = context =>
            {
                if (audienceClaim != "aud" && context.Principal?.FindFirst(audienceClaim)?.Value != auth.Audience)
                    context.Fail($"the token's {audienceClaim} is not {auth.Audience}");
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                var detail = context.AuthenticateFailure is null
                    ? "sign in: send 'Authorization: Bearer <access token>' from the identity provider"
                    : "the access token is not valid (expired, tampered with, or for another audience or issuer); get a new one";
                await Problems.WithError(StatusCodes.Status401Unauthorized, "authentication required", detail).ExecuteAsync(context.HttpContext);
            },
            OnForbidden = async context =>
            {
                await Problems.WithError(StatusCodes.Status403Forbidden, "forbidden", "this credential may not act on this resource").ExecuteAsync(context.HttpContext);
            },
        };
    }
}
