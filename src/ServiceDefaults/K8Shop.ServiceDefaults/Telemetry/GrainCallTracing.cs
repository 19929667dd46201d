using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace K8Shop.ServiceDefaults.Telemetry;

/// <summary>
/// One trace follows a request through every grain it calls, on every silo, with one span per grain call.
/// <para>
/// Orleans' own <c>AddActivityPropagation</c> records each call twice, a client span in the caller and a server span in
/// the callee, with the same name and almost the same times; on the dev box those pairs were a fifth of a checkout's
/// spans, and telemetry's cost follows the span count. It also passes the context on only from a span it recorded: a
/// call made in an unsampled request carried nothing, so the callee started a trace of its own and rolled the sampler
/// again, and with head sampling one request became scattered fragments. Here the caller hands on whatever span is
/// current, recorded or not (W3C <c>traceparent</c> in the request context, the key Orleans uses), and the callee
/// records one server span under it, so the sampling decision made where the work arrived holds for the whole trace.
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

    /// <summary>The caller's current span, sampled or not, becomes the callee's parent.</summary>
    private sealed class Outgoing : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            // A grain making several calls under one span sets the context once (each set copies the request context).
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } current
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

    /// <summary>A server span under the caller's (the sampler follows its decision), or a root where none came.</summary>
    private sealed class Incoming : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            ActivityContext.TryParse(RequestContext.Get(TraceParent) as string, RequestContext.Get(TraceState) as string, isRemote: true, out var parent);
            var activity = Source.StartActivity(context.Request.GetActivityName(), ActivityKind.Server, parent, CreationTags);
            return activity is null ? context.Invoke() : RecordAsync(context, activity);
        }

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
