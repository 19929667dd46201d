using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Identity.Pages;

/// <summary>The shell every account page shares: the shop's header and colours, no script at all (the CSP allows none inline).</summary>
internal static class PageLayout
{
    public const string StylesheetPath = "/identity/identity.css";

    public static IResult Render(HttpContext context, string title, string body, IReadOnlyList<string>? errors = null, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(title)} · K8Shop</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            </head>
            <body>
            <header class="site-header"><a class="brand" href="/">K8Shop</a></header>
            <main id="main">
            <section class="identity-card">
            <h1>{Encode(title)}</h1>
            {ErrorList(errors)}{body}
            </section>
            </main>
            <footer class="site-footer">K8Shop bookstore</footer>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static string ErrorList(IReadOnlyList<string>? errors)
    {
        if (errors is not { Count: > 0 })
            return "";
        var items = string.Concat(errors.Select(error => $"<li>{Encode(error)}</li>"));
        return $"""<div class="identity-errors" role="alert"><ul>{items}</ul></div>""" + "\n";
    }
}
