namespace K8Shop.Silo.Notifications;

/// <summary>The SMTP server e-mail goes through; section <c>Smtp</c>. Without a host, e-mail is only logged (embedded mode).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>K8Shop &lt;no-reply@k8shop.example&gt;</c>.</summary>
    public string From { get; set; } = "K8Shop <no-reply@k8shop.example>";

    /// <summary>STARTTLS (required when true); false for the loopback test server.</summary>
    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    /// <summary>Secret: never logged.</summary>
    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// At most this many connections open at once; a send beyond them waits for one to come back instead of opening
    /// and closing a connection of its own (the notification queue delivers up to 64 e-mails at a time).
    /// </summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>A kept connection idle longer than this is checked (NOOP) before it carries a message.</summary>
    public TimeSpan IdleCheckAfter { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
