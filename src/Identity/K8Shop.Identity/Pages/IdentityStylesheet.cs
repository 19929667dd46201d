using Microsoft.AspNetCore.Http;

namespace K8Shop.Identity.Pages;

/// <summary>Serves the pages' stylesheet, embedded in this assembly.</summary>
internal static class IdentityStylesheet
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(IdentityStylesheet).Assembly.GetManifestResourceStream("K8Shop.Identity.identity.css")
            ?? throw new InvalidOperationException("The identity stylesheet is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Content.Value, "text/css; charset=utf-8");
    }
}
