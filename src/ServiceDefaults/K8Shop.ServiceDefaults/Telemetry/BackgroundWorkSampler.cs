using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace K8Shop.ServiceDefaults.Telemetry;

/// <summary>
/// Traces start where work arrives: a request, a message from the broker, a reminder. Those roots, and every span under
/// a sampled parent, are decided by the configured sampler (<c>OTEL_TRACES_SAMPLER</c>). Orleans also starts traces of
/// its own with no work behind them: every tick of a grain's or a stream pulling agent's timer (the agents poll each
/// queue several times a second), a state read when a grain activates, a system call between silos. On the dev box those
/// were a third of all spans. Their roots are sampled at <c>Telemetry:BackgroundTraceRatio</c> (default 1%), enough to
/// see what they cost in the viewer without paying for every tick.
/// </summary>
public sealed class BackgroundWorkSampler(Sampler configured, double backgroundRatio) : Sampler
{
    public const string RatioKey = "Telemetry:BackgroundTraceRatio";
    public const double DefaultRatio = 0.01;

    /// <summary>Orleans' span for a timer callback: the root of every tick.</summary>
    private const string TimerTick = "IGrainTimerInvoker/InvokeCallbackAsync";

    private readonly Sampler _background = new TraceIdRatioBasedSampler(backgroundRatio);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && IsBackground(samplingParameters)
            ? _background.ShouldSample(samplingParameters)
            : configured.ShouldSample(samplingParameters);

    /// <summary>A reminder's delivery: work arriving on a schedule, like a request.</summary>
    private const string ReminderTick = "IRemindable/ReceiveReminder";

    /// <summary>
    /// A root no arriving work caused. Work arrives as a request or a delivery (server and consumer spans) or as a
    /// reminder; everything else that starts a trace of its own is background: a timer tick, a storage call, an outgoing
    /// call, a publish or an internal step made by no traced work (under a grain call of an unsampled request, which
    /// <see cref="GrainCallTracing"/> does not trace, a statement or a publish has no parent), or a grain call that came
    /// with no trace context.
    /// </summary>
    private static bool IsBackground(in SamplingParameters root) =>
        root.Kind is ActivityKind.Client or ActivityKind.Producer or ActivityKind.Internal
        || root.Name is TimerTick or "read storage" or "write storage" or "clear storage"
        || (root.Kind == ActivityKind.Server && root.Name != ReminderTick && IsGrainCall(root.Tags));

    private static bool IsGrainCall(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        if (tags is null)
            return false;
        foreach (var (key, value) in tags)
        {
            if (key == "rpc.system" && value is "orleans")
                return true;
        }
        return false;
    }

    /// <summary>The configured sampler (the SDK's variables and default, parentbased_always_on) wrapped in this one.</summary>
    public static BackgroundWorkSampler From(IConfiguration configuration)
    {
        var ratio = Ratio(RatioKey, configuration[RatioKey], DefaultRatio);
        var name = configuration["OTEL_TRACES_SAMPLER"] is { Length: > 0 } set ? set.Trim() : "parentbased_always_on";
        var argument = configuration["OTEL_TRACES_SAMPLER_ARG"];
        Sampler configured = name switch
        {
            "always_on" => new AlwaysOnSampler(),
            "always_off" => new AlwaysOffSampler(),
            "traceidratio" => new TraceIdRatioBasedSampler(Ratio("OTEL_TRACES_SAMPLER_ARG", argument, 1.0)),
            "parentbased_always_on" => new ParentBasedSampler(new AlwaysOnSampler()),
            "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
            "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(Ratio("OTEL_TRACES_SAMPLER_ARG", argument, 1.0))),
            _ => throw new InvalidOperationException(
                $"OTEL_TRACES_SAMPLER: '{name}' is not one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio"),
        };
        return new BackgroundWorkSampler(configured, ratio);
    }

    private static double Ratio(string key, string? value, double absent)
    {
        if (string.IsNullOrWhiteSpace(value))
            return absent;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"{key}: '{value}' is not a ratio between 0 and 1 (e.g. 0.25)");
    }
}
