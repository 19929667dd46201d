using System.Diagnostics;
using System.Text;
using Orleans.Runtime;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The W3C trace context a publisher put in a message's headers (RabbitMQ.Client 7 writes <c>traceparent</c> and
/// <c>tracestate</c> when its publisher source is traced), so a consumer's span joins the publisher's trace. A stream
/// subscriber finds it in the request context of the delivery (<see cref="FromRequestContext"/>).
/// </summary>
public static class AmqpTraceContext
{
    /// <summary>The request-context key the delivery's <c>traceparent</c> travels under to the subscriber.</summary>
    public const string TraceParentKey = "messaging.traceparent";

    public const string TraceStateKey = "messaging.tracestate";

    /// <summary>The publisher's context, or default when the message carries none (or a malformed one).</summary>
    public static ActivityContext Extract(IReadOnlyBasicProperties properties)
    {
        var (traceParent, traceState) = ReadHeaders(properties);
        return Parse(traceParent, traceState);
    }

    /// <summary>The context of the message being delivered to a stream subscriber, or default outside one (or without).</summary>
    public static ActivityContext FromRequestContext() =>
        Parse(RequestContext.Get(TraceParentKey) as string, RequestContext.Get(TraceStateKey) as string);

    /// <summary>The raw <c>traceparent</c> and <c>tracestate</c> headers, through the current propagator.</summary>
    public static (string? TraceParent, string? TraceState) ReadHeaders(IReadOnlyBasicProperties properties)
    {
        var headers = properties.Headers;
        if (headers is null || !headers.ContainsKey("traceparent"))
            return default;
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (carrier, name, out value, out values) =>
        {
            values = null;
            value = carrier is IDictionary<string, object?> h && h.TryGetValue(name, out var raw) ? Text(raw) : null;
        }, out var traceParent, out var traceState);
        return (traceParent, traceState);
    }

    private static ActivityContext Parse(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;

    private static string? Text(object? raw) => raw switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        ReadOnlyMemory<byte> memory => Encoding.UTF8.GetString(memory.Span),
        string text => text,
        _ => null,
    };
}
