using System.Buffers;
using System.Text.Json;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace K8Shop.Gateways.Security;

/// <summary>
/// Turns away, before any route sees them, JSON bodies that no route can read: a charset other than UTF-8 (415; RFC 8259
/// requires UTF-8 between systems, and an unknown name made the framework throw), and a string holding a lone UTF-16
/// surrogate escape such as <c>"\ud800"</c> (400; no .NET string can hold it, so reading it threw wherever a route read
/// the document itself). The body (already capped) is read once into memory and handed on unchanged; JSON that is
/// malformed in any other way goes on to the route, which names the problem in its own contract's words.
/// </summary>
public sealed class JsonBodyGate(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasBody(request) || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }
        if (Charset(request) is { } charset)
        {
            await Problems.WithError(StatusCodes.Status415UnsupportedMediaType, "unsupported charset",
                $"the body's charset '{charset}' is not supported; send JSON in UTF-8 (Content-Type: application/json; charset=utf-8)").ExecuteAsync(context);
            return;
        }

        var limit = RequestBodyLimits.LimitFor(context, options.Value);
        var body = new MemoryStream(InitialCapacity(request.ContentLength, limit));
        context.Response.RegisterForDispose(body);
        // Counted here too: a server without a body size feature (a test server) would otherwise buffer any length.
        if (!await CopyAtMostAsync(request.Body, body, limit, context.RequestAborted))
        {
            await RequestBodyLimits.TooLarge(limit!.Value).ExecuteAsync(context);
            return;
        }
        if (LoneSurrogateAt(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } offset)
        {
            await Problems.WithError(StatusCodes.Status400BadRequest, "invalid request",
                $"the request body has a string with an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF) at byte {offset}").ExecuteAsync(context);
            return;
        }
        body.Position = 0;
        request.Body = body;
        await next(context);
    }

    /// <summary>The byte offset of the first string whose escapes decode to a lone surrogate, or null (also for malformed JSON).</summary>
    public static long? LoneSurrogateAt(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Decodes(ref reader))
                    return reader.TokenStartIndex;
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static bool Decodes(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The declared length when it fits the limit (the copy then never grows the stream), else a small start.</summary>
    private static int InitialCapacity(long? contentLength, long? limit) =>
        contentLength is { } length && length <= Math.Min(limit ?? MaxPresized, MaxPresized) ? (int)length : 0;

    private const int MaxPresized = 1024 * 1024;
    private const int CopyBufferSize = 16 * 1024;

    private static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, long? limit, CancellationToken cancellationToken)
    {
        // Pooled: every JSON request passes here; a fresh 16 KB buffer each was the largest single allocation under checkout load.
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                if (target.Length + read > limit)
                    return false;
                target.Write(buffer, 0, read);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    /// <summary>The declared charset when it is not UTF-8, else null.</summary>
    private static string? Charset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Value is not { Length: > 0 } charset)
            return null;
        var name = charset.Trim('"');
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase) ? null : name[..Math.Min(name.Length, 40)];
    }
}
