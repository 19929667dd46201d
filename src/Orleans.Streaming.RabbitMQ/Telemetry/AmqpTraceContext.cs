using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The W3C trace context a publisher put in a message's headers (RabbitMQ.Client 7 writes <c>traceparent</c> and
/// <c>tracestate</c> when its publisher source is traced), so a consumer's span joins the publisher's trace.
/// </summary>
public static class AmqpTraceContext
{
    /// <summary>The publisher's context, or default when the message carries none (or a malformed one).</summary>
    public static ActivityContext Extract(IReadOnlyBasicProperties properties)
    {
        var headers = properties.Headers;
        if (headers is null || !headers.ContainsKey("traceparent"))
            return default;
        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, static (carrier, name, out value, out values) =>
        {
            values = null;
            value = carrier is IDictionary<string, object?> h && h.TryGetValue(name, out var raw) ? Text(raw) : null;
        }, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    private static string? Text(object? raw) => raw switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        ReadOnlyMemory<byte> memory => Encoding.UTF8.GetString(memory.Span),
        string text => text,
        _ => null,
    };
}
