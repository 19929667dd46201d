using System.Diagnostics;
using K8Shop.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace K8Shop.UnitTests.Telemetry;

public sealed class BackgroundWorkSamplerTests
{
    private static BackgroundWorkSampler Sampler(params (string Key, string Value)[] settings) =>
        BackgroundWorkSampler.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    private static SamplingDecision Decide(Sampler sampler, string name, ActivityKind kind, ActivityContext parent = default,
        IEnumerable<KeyValuePair<string, object?>>? tags = null) =>
        sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), name, kind, tags)).Decision;

    private static readonly KeyValuePair<string, object?>[] GrainCallTags = [new("rpc.system", "orleans")];

    private static ActivityContext Parent(bool sampled) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None);

    [Theory]
    [InlineData("IGrainTimerInvoker/InvokeCallbackAsync", ActivityKind.Server)]
    [InlineData("read storage", ActivityKind.Client)]
    [InlineData("write storage", ActivityKind.Internal)]
    [InlineData("IStreamConsumerExtension/DeliverBatch", ActivityKind.Client)]
    [InlineData("postgresql", ActivityKind.Client)]
    [InlineData("publish orders.order_confirmed", ActivityKind.Producer)]
    [InlineData("order finish", ActivityKind.Internal)]
    public void A_background_root_is_sampled_at_the_background_ratio(string name, ActivityKind kind)
    {
        Assert.Equal(SamplingDecision.Drop, Decide(Sampler((BackgroundWorkSampler.RatioKey, "0")), name, kind));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler((BackgroundWorkSampler.RatioKey, "1")), name, kind));
    }

    [Theory]
    [InlineData("POST /orders/", ActivityKind.Server)]
    [InlineData("deliver orders.order_confirmed", ActivityKind.Consumer)]
    [InlineData("IRemindable/ReceiveReminder", ActivityKind.Server)]
    public void A_root_where_work_arrives_follows_the_configured_sampler(string name, ActivityKind kind)
    {
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler((BackgroundWorkSampler.RatioKey, "0")), name, kind));
        Assert.Equal(SamplingDecision.Drop, Decide(Sampler((BackgroundWorkSampler.RatioKey, "1"), ("OTEL_TRACES_SAMPLER", "always_off")), name, kind));
    }

    [Theory]
    [InlineData("IStreamConsumerExtension/DeliverBatch")]
    [InlineData("IMembershipService/MembershipChangeNotification")]
    [InlineData("IOrderGrain/PlaceAsync")]
    public void A_grain_call_that_came_with_no_trace_context_is_background(string name)
    {
        Assert.Equal(SamplingDecision.Drop, Decide(Sampler((BackgroundWorkSampler.RatioKey, "0")), name, ActivityKind.Server, tags: GrainCallTags));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(Sampler((BackgroundWorkSampler.RatioKey, "1")), name, ActivityKind.Server, tags: GrainCallTags));
    }

    [Fact]
    public void A_reminder_arriving_is_work_arriving_and_follows_the_configured_sampler()
    {
        var sampler = Sampler((BackgroundWorkSampler.RatioKey, "0"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "IRemindable/ReceiveReminder", ActivityKind.Server, tags: GrainCallTags));
    }

    [Fact]
    public void Work_under_a_parent_follows_the_parent_whatever_its_name()
    {
        var sampler = Sampler((BackgroundWorkSampler.RatioKey, "0"));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "write storage", ActivityKind.Client, Parent(sampled: true)));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, "POST /orders/", ActivityKind.Server, Parent(sampled: false)));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, "IOrderGrain/PlaceAsync", ActivityKind.Server, Parent(sampled: true), GrainCallTags));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, "IOrderGrain/PlaceAsync", ActivityKind.Server, Parent(sampled: false), GrainCallTags));
    }

    [Fact]
    public void The_default_keeps_one_background_root_in_a_hundred()
    {
        var sampler = Sampler();
        var kept = Enumerable.Range(0, 20_000).Count(_ => Decide(sampler, "IGrainTimerInvoker/InvokeCallbackAsync", ActivityKind.Server) == SamplingDecision.RecordAndSample);
        Assert.InRange(kept, 100, 300);
    }

    [Theory]
    [InlineData("OTEL_TRACES_SAMPLER", "sometimes")]
    [InlineData("OTEL_TRACES_SAMPLER_ARG", "1.5")]
    [InlineData(BackgroundWorkSampler.RatioKey, "-0.1")]
    public void A_setting_it_cannot_read_stops_the_start_naming_the_key(string key, string value)
    {
        var settings = key == "OTEL_TRACES_SAMPLER_ARG" ? new[] { ("OTEL_TRACES_SAMPLER", "traceidratio"), (key, value) } : new[] { (key, value) };
        var error = Assert.Throws<InvalidOperationException>(() => Sampler(settings));
        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
    }
}
