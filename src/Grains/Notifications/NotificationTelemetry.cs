using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace K8Shop.Grains.Notifications;

/// <summary>Meter and activity source <c>K8Shop.Notifications</c>: e-mails sent and failed, a span per send and per consumed message.</summary>
public static class NotificationTelemetry
{
    public const string Name = "K8Shop.Notifications";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("k8shop.emails.sent", "{email}", "E-mails the SMTP server accepted");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "k8shop.emails.failed", "{email}", "E-mails not accepted, by reason: transient (4xx, connection), permanent (5xx), timeout");

    public static class Reasons
    {
        public const string Transient = "transient";
        public const string Permanent = "permanent";
        public const string Timeout = "timeout";
    }

    /// <summary>A client span for one e-mail (template only: never the address).</summary>
    public static Activity? StartEmail(string template)
    {
        var activity = Source.StartActivity("email send", ActivityKind.Client);
        activity?.SetTag("k8shop.email.template", template);
        return activity;
    }

    public static void EmailSent() => Sent.Add(1);

    public static void EmailFailed(string reason) => Failed.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
