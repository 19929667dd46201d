using System.Net;
using System.Text.RegularExpressions;

namespace K8Shop.Tools.Auth;

/// <summary>
/// Creates an account the way a person does: GET the provider's sign-up page, then POST its form back with the
/// hidden fields it carried (the antiforgery token among them) and the antiforgery cookie it set.
/// </summary>
public static partial class SignUpForm
{
    public const string Path = "identity/signup";

    /// <summary>Creates the account; throws <see cref="TokenRequestException"/> with the page's status when the provider refuses.</summary>
    public static async Task CreateAccountAsync(HttpClient http, Uri identityBase, string name, string email, string password, CancellationToken cancellation)
    {
        var page = new Uri(identityBase, Path);
        using var form = await http.GetAsync(page, cancellation);
        if (!form.IsSuccessStatusCode)
            throw new TokenRequestException($"GET {page}: {(int)form.StatusCode}");
        var cookies = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';', 2)[0]) : []);
        var fields = HiddenFields(await form.Content.ReadAsStringAsync(cancellation));
        fields.AddRange([new("name", name), new("email", email), new("password", password), new("confirmPassword", password)]);

        using var submit = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(fields) };
        if (cookies.Length > 0)
            submit.Headers.Add("Cookie", cookies);
        using var created = await http.SendAsync(submit, cancellation);
        // The page signs the new account in and redirects; a form with errors comes back as 400.
        if (created.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
            throw new TokenRequestException($"POST {page} for a new account: {(int)created.StatusCode}");
    }

    public static List<KeyValuePair<string, string>> HiddenFields(string html) =>
        [.. HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]*)">""")]
    private static partial Regex HiddenInput();
}
