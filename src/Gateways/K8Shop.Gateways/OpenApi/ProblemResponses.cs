using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace K8Shop.Gateways.OpenApi;

/// <summary>
/// Every error answer a route can give, in the OpenAPI document, so the storefront's generated client knows them. Each
/// route declares its own (<c>ProducesValidationProblem(422)</c>, <c>ProducesProblem(404)</c>, ...); this adds what
/// any route may answer because of the pipeline around it.
/// </summary>
public static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>
    /// For each endpoint built from <paramref name="builder"/>: 429 (rate limits), 500 and 503 (a bug, an outage); with a
    /// body, 400 (malformed), 413 (too large) and 415 (not JSON); behind a policy, 401 and 403. A status a route already
    /// declares stays as declared.
    /// </summary>
    public static TBuilder WithPipelineProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(Describe);
        return builder;
    }

    private static void Describe(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
        void Add(int status)
        {
            if (declared.Add(status))
                metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]));
        }

        if (metadata.OfType<IAcceptsMetadata>().Any())
        {
            Add(StatusCodes.Status400BadRequest);
            Add(StatusCodes.Status413PayloadTooLarge);
            Add(StatusCodes.Status415UnsupportedMediaType);
        }
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(StatusCodes.Status401Unauthorized);
            Add(StatusCodes.Status403Forbidden);
        }
        Add(StatusCodes.Status429TooManyRequests);
        Add(StatusCodes.Status500InternalServerError);
        Add(StatusCodes.Status503ServiceUnavailable);
    }
}
