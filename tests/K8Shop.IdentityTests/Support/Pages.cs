using System.Net;
using K8Shop.TestSupport;

namespace K8Shop.IdentityTests.Support;

/// <summary>The account pages as the identity tests drive them (see <see cref="AccountPages"/>).</summary>
public static class Pages
{
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string pageUrl, IDictionary<string, string> fields) =>
        AccountPages.SubmitAsync(browser, pageUrl, fields);

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient browser, string email, string password, string name = "Test Shopper") =>
        AccountPages.SignUpAsync(browser, email, password, name);

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string returnUrl = "/") =>
        AccountPages.SignInAsync(browser, email, password, returnUrl);

    /// <summary>Creates an account through the sign-up page in a browser of its own, so the caller's browser stays signed out.</summary>
    public static async Task CreateAccountAsync(IdentityTestHost host, string email, string password)
    {
        using var browser = host.NewBrowser();
        var response = await SignUpAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static Dictionary<string, string> HiddenFields(string html) => AccountPages.HiddenFields(html);

    public static string FormAction(string html) => AccountPages.FormAction(html);
}
