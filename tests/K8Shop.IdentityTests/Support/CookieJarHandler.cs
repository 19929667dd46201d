using System.Net;

namespace K8Shop.IdentityTests.Support;

/// <summary>Keeps the cookies a test server sets and sends them back, as a browser would; redirects are left to the test.</summary>
public sealed class CookieJarHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer _cookies = new();

    public bool HasCookie(Uri uri, string name) => _cookies.GetCookies(uri).Any(cookie => cookie.Name == name);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = _cookies.GetCookieHeader(uri);
        if (header.Length > 0)
            request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
                _cookies.SetCookies(uri, setCookie);
        }
        return response;
    }
}
