using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace K8Shop.TelemetryCost;

/// <summary>
/// Where a phase's bytes go, by type: the runtime reports an allocation tick about every 100 KB allocated, naming the
/// type whose allocation crossed it, so each type's share of the ticks is its share of the bytes, give or take.
/// Listening costs little, and it runs in every variant alike, so the ratios stay fair.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const EventKeywords ExceptionKeyword = (EventKeywords)0x8000;
    private const int AllocationTickEvent = 10;
    private const int ExceptionThrownEvent = 80;

    private ConcurrentDictionary<string, long> _bytesByType = new();
    private ConcurrentDictionary<string, long> _exceptions = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource)
            EnableEvents(source, EventLevel.Verbose, GcKeyword | ExceptionKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId == ExceptionThrownEvent && e.Payload is not null && e.PayloadNames is not null)
        {
            var name = e.PayloadNames.IndexOf("ExceptionType") is var x and >= 0 ? e.Payload[x] as string ?? "?" : "?";
            var message = e.PayloadNames.IndexOf("ExceptionMessage") is var m and >= 0 ? e.Payload[m] as string ?? "" : "";
            _exceptions.AddOrUpdate($"{name}: {message[..Math.Min(message.Length, 120)]}", 1, (_, n) => n + 1);
            return;
        }
        if (e.EventId != AllocationTickEvent || e.Payload is null || e.PayloadNames is null)
            return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>Forgets what was counted so far (a phase starts).</summary>
    public void Reset()
    {
        _bytesByType = new();
        _exceptions = new();
    }

    /// <summary>The exceptions thrown since the last reset (caught or not), by type and message, most frequent first.</summary>
    public IReadOnlyList<(string Exception, long Count)> Exceptions(int count) =>
        _exceptions.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value)).ToList();

    /// <summary>The types that took the most bytes since the last reset, as bytes per checkout.</summary>
    public IReadOnlyList<(string Type, double BytesPerCheckout)> Top(int count, int checkouts) =>
        _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value / (double)checkouts)).ToList();
}
