using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Security;

/// <summary>
/// Caps every request's body at its route's limit before anything reads it: a declared length over the cap is
/// answered 413 at once; an undeclared (chunked) one is stopped by the server when reading passes the cap, which the
/// exception handler answers 413. A route added later gets the default without doing anything.
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = LimitFor(context, options.Value);
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await TooLarge(max).ExecuteAsync(context);
            return;
        }
        // gRPC enforces the same cap on each message itself (RESOURCE_EXHAUSTED), which a gRPC client understands.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature && !IsGrpc(context.Request))
            feature.MaxRequestBodySize = limit;
        await next(context);
    }

    /// <summary>The endpoint's own limit if it declares one (null: none), else the configured default.</summary>
    public static long? LimitFor(HttpContext context, RequestBodyOptions options) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared ? declared.MaxRequestBodySize : options.MaxBytes;

    public static IResult TooLarge(long limit) =>
        Problems.WithError(StatusCodes.Status413PayloadTooLarge, "request body too large", $"this route accepts a request body of at most {limit} bytes");

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>A route's own body cap, for the rare route that needs more (or less) than the default.</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

public static class BodySizeLimitExtensions
{
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(bytes));
}
