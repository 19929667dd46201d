using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace K8Shop.Tools.Auth;

/// <summary>
/// The identity provider's <c>/connect/token</c> (RFC 6749): client credentials for the tool itself, the password
/// grant for the shopper accounts it created. The client authenticates with HTTP Basic (client_secret_basic).
/// </summary>
public sealed class TokenEndpointClient(HttpClient http, Uri tokenUrl, ClientCredentials client, TimeProvider? clock = null)
{
    /// <summary>The scope whose resource is the gateways' audience (<c>k8shop-api</c>).</summary>
    public const string ApiScope = "k8shop";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Uri TokenUrl => tokenUrl;

    public ClientCredentials Client => client;

    public Task<AccessToken> ClientCredentialsAsync(CancellationToken cancellation) =>
        RequestAsync([new("grant_type", "client_credentials"), new("scope", ApiScope)], "client credentials", cancellation);

    public Task<AccessToken> PasswordAsync(string username, string password, CancellationToken cancellation) =>
        RequestAsync([new("grant_type", "password"), new("username", username), new("password", password), new("scope", ApiScope)],
            "password grant", cancellation);

    private async Task<AccessToken> RequestAsync(KeyValuePair<string, string>[] form, string grant, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicCredentials(client));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var requestedAt = _clock.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException error)
        {
            throw new TokenRequestException($"{grant} for client '{client.ClientId}' at {tokenUrl}: {error.Message}", error);
        }
        using (response)
        {
            TokenReply? reply;
            try
            {
                reply = await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenReply, cancellation);
            }
            catch (JsonException)
            {
                reply = null;
            }
            if (!response.IsSuccessStatusCode || reply?.AccessToken is not { Length: > 0 } token)
                throw new TokenRequestException(
                    $"{grant} for client '{client.ClientId}' at {tokenUrl}: {(int)response.StatusCode} {reply?.Error ?? "no access_token"}"
                    + (reply?.ErrorDescription is { } description ? $" ({description})" : ""));
            // Counted from the request, not the reply: a slow answer must not make the token look younger than it is.
            return new AccessToken(token, requestedAt.AddSeconds(reply.ExpiresIn ?? 300));
        }
    }

    // RFC 6749 2.3.1: the id and the secret are form-encoded before they are joined and base64-encoded.
    private static string BasicCredentials(ClientCredentials client) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.Secret)}"));
}
