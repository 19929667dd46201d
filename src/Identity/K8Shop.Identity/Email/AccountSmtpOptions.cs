namespace K8Shop.Identity.Email;

/// <summary>
/// The SMTP server; the same section <c>Smtp</c> and keys the silo's notification sender reads, so one setting serves
/// both. Without a host, reset e-mail is not sent (and that is logged, without the address).
/// </summary>
public sealed class AccountSmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "K8Shop <no-reply@k8shop.example>";

    /// <summary>STARTTLS (required when true); false for the loopback test server.</summary>
    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    /// <summary>Secret: never logged.</summary>
    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
