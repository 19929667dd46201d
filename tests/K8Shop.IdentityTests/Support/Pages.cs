using System.Net;
using System.Text.RegularExpressions;

namespace K8Shop.IdentityTests.Support;

/// <summary>Drives the account pages as a browser does: GET the form, post it back with its antiforgery token.</summary>
public static partial class Pages
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string pageUrl, IDictionary<string, string> fields)
    {
        var page = await browser.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
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

    /// <summary>Creates an account through the sign-up page in a browser of its own, so the caller's browser stays signed out.</summary>
    public static async Task CreateAccountAsync(IdentityTestHost host, string email, string password)
    {
        using var browser = host.NewBrowser();
        var response = await SignUpAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static Dictionary<string, string> HiddenFields(string html) => HiddenInput().Matches(html)
        .ToDictionary(match => WebUtility.HtmlDecode(match.Groups["name"].Value), match => WebUtility.HtmlDecode(match.Groups["value"].Value));

    public static string FormAction(string html) => WebUtility.HtmlDecode(FormActionPattern().Match(html).Groups["action"].Value);

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)" """)]
    private static partial Regex FormActionPattern();
}
