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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
