using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace K8Shop.Silo.Hosting;

/// <summary>
/// Serves the React storefront that the build copies next to the silo (<c>storefront/</c>, from client-web/dist),
/// with client-side routing: the storefront's own paths answer its index.html, every other unknown path stays a
/// JSON 404. Without a built storefront (Node missing at build) the placeholder page in wwwroot is served at /.
/// </summary>
public static partial class StorefrontHostingExtensions
{
    /// <summary>The storefront's client-side routes; none shares a first segment with an API route.</summary>
    public static readonly IReadOnlyList<string> ClientRoutes =
        ["/books/{**path}", "/search", "/basket", "/checkout", "/signin", "/account/{**path}", "/admin/{**path}", "/status", "/auth/callback", "/auth/silent"];

    /// <summary>Where the built storefront is: <c>Storefront:Root</c> (the storefront's tests point it at client-web/dist), else next to the silo.</summary>
    private static string Root(WebApplication app) =>
        app.Configuration["Storefront:Root"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(AppContext.BaseDirectory, "storefront");

    private static string IndexFile(WebApplication app) => Path.Combine(Root(app), "index.html");

    public static WebApplication UseStorefront(this WebApplication app)
    {
        if (!File.Exists(IndexFile(app)))
        {
            LogNotBuilt(app.Logger, Root(app));
            app.UseDefaultFiles();
            app.UseStaticFiles();
            return app;
        }
        var files = new PhysicalFileProvider(Root(app));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite names assets by content hash, so they never change; index.html must be revalidated to pick up a new build.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        return app;
    }

    public static WebApplication MapStorefront(this WebApplication app)
    {
        var index = IndexFile(app);
        if (!File.Exists(index))
            return app;
        foreach (var route in ClientRoutes)
            app.MapGet(route, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
            }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No built storefront at {Root} (Node.js missing at build?); serving the placeholder page")]
    private static partial void LogNotBuilt(ILogger logger, string root);
}
