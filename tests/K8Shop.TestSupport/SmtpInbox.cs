using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace K8Shop.TestSupport;

/// <summary>A message the test SMTP server (scripts/smtp-server.cjs) received, as its HTTP listing shows it.</summary>
public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("to")] string[] To,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("template")] string? Template,
    [property: JsonPropertyName("session")] string? Session = null);

/// <summary>Reads what the test SMTP server received for one address; tests use addresses of their own.</summary>
public static class SmtpInbox
{
    private static readonly HttpClient Http = new() { BaseAddress = TestServices.SmtpHttp, Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<IReadOnlyList<ReceivedMail>> ForAsync(string address) =>
        await Http.GetFromJsonAsync<ReceivedMail[]>($"/messages?to={Uri.EscapeDataString(address)}") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> messages reached the address (or the timeout passes); answers them all.</summary>
    public static async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string address, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mail = await ForAsync(address);
            if (mail.Count >= count || DateTime.UtcNow > deadline)
                return mail;
            await Task.Delay(100);
        }
    }
}
