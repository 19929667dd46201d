using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace K8Shop.ServiceDefaults.Telemetry;

/// <summary>
/// One trace follows a request through every grain it calls, on every silo, with one span per grain call; a request
/// whose trace is not sampled costs the grains nothing.
/// <para>
/// Orleans' own <c>AddActivityPropagation</c> records each call twice, a client span in the caller and a server span in
/// the callee, with the same name and almost the same times; on the dev box those pairs were a fifth of a checkout's
/// spans, and telemetry's cost follows the span count. Here the callee records one server span under the caller's.
/// </para>
/// <para>
/// Only a recorded span is handed on (W3C <c>traceparent</c> in the request context, the key Orleans uses). Any
/// context in a grain, a current span or a request-context entry, makes every <c>await</c> on the grain's scheduler
/// capture the execution context and allocate for it; in an unsampled request that was most of what head sampling left
/// of telemetry's cost. So an unsampled request reaches the grains with nothing, and a grain call that comes with no
/// context is not traced: it is work of a request not sampled, or the runtime's own (stream deliveries, calls between
/// silos). Two kinds of work arrive without a caller and start traces of their own: a reminder (the configured sampler
/// decides, as for a request) and a timer tick (sampled as background work, <see cref="BackgroundWorkSampler"/>). Spans
/// started under an untraced call (a statement, a publish) are roots the sampler counts as background work too.
/// </para>
/// </summary>
public static class GrainCallTracing
{
    /// <summary>The grain calls' spans; our wildcard source name (<c>K8Shop.*</c>) turns it on with the rest.</summary>
    public const string SourceName = "K8Shop.GrainCalls";

    internal static readonly ActivitySource Source = new(SourceName);

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";

    /// <summary>Given at creation, so that the sampler can tell a grain call from other roots (<see cref="BackgroundWorkSampler"/>).</summary>
    internal static readonly KeyValuePair<string, object?>[] CreationTags = [new("rpc.system", "orleans")];

    /// <summary>Both halves: a silo needs both (its grains call grains), a client needs only the outgoing one, and
    /// registering the incoming one there does nothing.</summary>
    public static IServiceCollection AddGrainCallTracing(this IServiceCollection services)
    {
        services.AddSingleton<IOutgoingGrainCallFilter, Outgoing>();
        services.AddSingleton<IIncomingGrainCallFilter, Incoming>();
        return services;
    }

    /// <summary>The caller's current span, when it is recorded, becomes the callee's parent.</summary>
    private sealed class Outgoing : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            // A grain making several calls under one span sets the context once (each set copies the request context).
            if (Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } current
                && !ReferenceEquals(RequestContext.Get(TraceParent), traceParent))
            {
                RequestContext.Set(TraceParent, traceParent);
                if (current.TraceStateString is { } state)
                    RequestContext.Set(TraceState, state);
                else if (RequestContext.Get(TraceState) is not null)
                    RequestContext.Remove(TraceState);
            }
            return context.Invoke();
        }
    }

    /// <summary>A server span under the caller's; with no caller's, a span only for a reminder or a timer tick.</summary>
    private sealed class Incoming : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            // Nobody traces (telemetry off): no request-context lookups on every grain call.
            if (!Source.HasListeners())
                return context.Invoke();
            Activity? activity;
            if (ActivityContext.TryParse(RequestContext.Get(TraceParent) as string, RequestContext.Get(TraceState) as string, isRemote: true, out var parent))
                activity = Source.StartActivity(context.Request.GetActivityName(), ActivityKind.Server, parent, CreationTags);
            else if (StartsWorkOfItsOwn(context))
                activity = Source.StartActivity(context.Request.GetActivityName(), ActivityKind.Server, default(ActivityContext), CreationTags);
            else
                return context.Invoke();
            return activity is null ? context.Invoke() : RecordAsync(context, activity);
        }

        private static bool StartsWorkOfItsOwn(IIncomingGrainCallContext context) =>
            context.Request.GetInterfaceType() is { Namespace: "Orleans" or "Orleans.Runtime", Name: Reminder or TimerTick };

        /// <summary>Orleans' interfaces for a reminder's and a grain timer's tick (by name: the timer's is internal to
        /// the runtime, the reminder's in a package the gateway has no use for).</summary>
        private const string Reminder = "IRemindable";

        private const string TimerTick = "IGrainTimerInvoker";

        private static async Task RecordAsync(IIncomingGrainCallContext context, Activity activity)
        {
            if (activity.IsAllDataRequested)
            {
                // RPC attributes of the OpenTelemetry semantic conventions (rpc.system came at creation), and which grain answered.
                activity.SetTag("rpc.service", context.InterfaceName);
                activity.SetTag("rpc.method", context.MethodName);
                activity.SetTag("rpc.orleans.target_id", context.TargetId.ToString());
            }
            try
            {
                await context.Invoke();
            }
            catch (Exception ex)
            {
                if (activity.IsAllDataRequested)
                {
                    activity.SetStatus(ActivityStatusCode.Error, ex.Message);
                    activity.AddException(ex);
                }
                throw;
            }
            finally
            {
                activity.Stop();
            }
        }
    }
}
