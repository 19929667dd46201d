using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static K8Shop.Identity.Pages.PageLayout;

namespace K8Shop.Identity.Pages;

/// <summary>An HTML form posting to <paramref name="action"/>, carrying its antiforgery token.</summary>
internal sealed class PageForm(HttpContext context, string action)
{
    private readonly StringBuilder _fields = new();

    public PageForm Field(string name, string label, string type, string autocomplete, string? value = null)
    {
        var valueAttribute = value is null ? "" : $" value=\"{Encode(value)}\"";
        _fields.Append($"""<label for="{name}">{Encode(label)}</label><input id="{name}" name="{name}" type="{type}" autocomplete="{autocomplete}" required{valueAttribute}>""").Append('\n');
        return this;
    }

    public PageForm Hidden(string name, string? value)
    {
        _fields.Append($"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""").Append('\n');
        return this;
    }

    public string Submit(string text)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        Hidden(tokens.FormFieldName, tokens.RequestToken);
        return $"""<form method="post" action="{Encode(action)}" class="identity-form">{'\n'}{_fields}<button type="submit" class="primary">{Encode(text)}</button>{'\n'}</form>""";
    }

    /// <summary>The posted form when its antiforgery token is valid, else null.</summary>
    public static async Task<IFormCollection?> ReadValidAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
            return null;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context) ? await context.Request.ReadFormAsync() : null;
    }

    /// <summary>The return URL when it stays on this site, else the shop's front page: no open redirect.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    public const string ExpiredMessage = "This form has expired. Please try again.";
}
