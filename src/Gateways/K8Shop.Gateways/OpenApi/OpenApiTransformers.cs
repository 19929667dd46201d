using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace K8Shop.Gateways.OpenApi;

/// <summary>
/// Makes the OpenAPI document say what the gateway writes, so a client generated from it gets exact types, and keeps
/// it the same on every host so a committed copy can be compared with it.
/// </summary>
public static class OpenApiTransformers
{
    private static readonly HashSet<string> NumberFormats = ["int32", "int64", "double", "float", "decimal"];

    /// <summary>
    /// Numbers are written as JSON numbers. The web serializer also reads them from strings, which the schema describes
    /// as "integer or string" with a pattern; a client should send and expect numbers, so the string form is dropped.
    /// A decimal written by a converter of ours carries only its format; it gets its type.
    /// </summary>
    public static Task NumbersAsNumbers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Format is not { } format || !NumberFormats.Contains(format))
            return Task.CompletedTask;
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        else if (schema.Type is null)
        {
            schema.Type = format is "int32" or "int64" ? JsonSchemaType.Integer : JsonSchemaType.Number;
        }
        return Task.CompletedTask;
    }

    /// <summary>No server list: the document is served by every host (embedded silo, gateway) and clients call their own origin.</summary>
    public static Task WithoutServers(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        return Task.CompletedTask;
    }
}
