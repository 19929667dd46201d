using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.Runtime;

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

    /// <summary>
    /// The span of one consumed event, a child of the publisher's span when the stream provider passed the message's W3C
    /// context on (request-context keys <c>messaging.traceparent</c>/<c>messaging.tracestate</c>, as the RabbitMQ provider
    /// sets them), else of whatever is current.
    /// </summary>
    public static Activity? StartConsume(string queue, K8Shop.Contracts.Events.IntegrationEvent evt)
    {
        if (!Source.HasListeners())
            return null;
        var parent = RequestContext.Get("messaging.traceparent") is string traceParent
            && ActivityContext.TryParse(traceParent, RequestContext.Get("messaging.tracestate") as string, isRemote: true, out var remote)
                ? remote
                : Activity.Current?.Context ?? default;
        var activity = Source.StartActivity($"{queue} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", evt.RoutingKey);
        activity?.SetTag("messaging.message.id", evt.MessageId);
        return activity;
    }

    /// <summary>Zero sent and zero failed per reason, so rates and alerts see a series before the first one happens.</summary>
    public static void Initialize()
    {
        Sent.Add(0);
        foreach (var reason in new[] { Reasons.Transient, Reasons.Permanent, Reasons.Timeout })
            Failed.Add(0, new KeyValuePair<string, object?>("reason", reason));
    }

    public static void EmailSent() => Sent.Add(1);

    public static void EmailFailed(string reason) => Failed.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
