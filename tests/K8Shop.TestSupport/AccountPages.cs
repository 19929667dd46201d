using System.Net;
using System.Text.RegularExpressions;

namespace K8Shop.TestSupport;

/// <summary>Drives the identity provider's account pages as a browser does: GET the form, post it back with its antiforgery token.</summary>
public static partial class AccountPages
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string pageUrl, IDictionary<string, string> fields)
    {
        var page = await browser.GetAsync(pageUrl);
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{pageUrl} answered {(int)page.StatusCode}, not the form");
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(HiddenFields(html));
        foreach (var (name, value) in fields)
            form[name] = value;
        return await browser.PostAsync(FormAction(html), new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient browser, string email, string password, string name = "Test Shopper") =>
        SubmitAsync(browser, "/identity/signup", new Dictionary<string, string>
        {
            ["name"] = name, ["email"] = email, ["password"] = password, ["confirmPassword"] = password,
        });

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string returnUrl = "/") =>
        SubmitAsync(browser, $"/identity/signin?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public static Dictionary<string, string> HiddenFields(string html) => HiddenInput().Matches(html)
        .ToDictionary(match => WebUtility.HtmlDecode(match.Groups["name"].Value), match => WebUtility.HtmlDecode(match.Groups["value"].Value));

    public static string FormAction(string html) => WebUtility.HtmlDecode(FormActionPattern().Match(html).Groups["action"].Value);

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)" """)]
    private static partial Regex FormActionPattern();
}
