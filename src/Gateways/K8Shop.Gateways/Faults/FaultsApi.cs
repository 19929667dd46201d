using K8Shop.Contracts.Faults;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using K8Shop.Gateways.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Faults;

/// <summary>
/// The fault switches' admin API (admin or machine identity): the switchboard's state, and one switch set at a time.
/// A change reaches every silo and gateway within about a second (each polls the switchboard).
/// </summary>
public static class FaultsApi
{
    public const string Path = "/admin/faults";

    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup(Path).WithTags("Faults").RequireAuthorization(AuthPolicies.Faults).WithPipelineProblems();
        faults.MapGet("", GetFaults).WithName("GetFaults").WithSummary("Every fault switch with its state (admin or machine)");
        faults.MapPut("/{name}", SetFault).WithName("SetFault").WithSummary("Turns a fault switch on or off and sets its parameters (admin or machine)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<FaultsResponse>> GetFaults(IGrainFactory grains)
    {
        var board = await Switchboard(grains).GetAsync();
        var faults = FaultCatalog.All.Select(f => FaultResponse.From(f, board[f.Name])).ToList();
        return TypedResults.Ok(new FaultsResponse(faults.Any(f => f.Enabled), faults));
    }

    public static async Task<Results<Ok<FaultResponse>, ValidationProblem, ProblemHttpResult>> SetFault(IGrainFactory grains, string name, FaultRequest request)
    {
        if (!FaultCatalog.TryGet(name, out var definition))
            return Problems.WithError(StatusCodes.Status404NotFound, "unknown fault", $"no fault switch is named '{name}'");
        if (request.Enabled is not { } enabled)
            return Problems.Invalid("enabled", "is required (true or false)");
        var setting = new FaultSetting(
            enabled,
            request.Probability ?? definition.DefaultProbability,
            request.LatencyMs,
            request.DurationSeconds,
            request.Scope is { } s ? new FaultScope(s.Sku, s.User, s.Silo) : null);
        try
        {
            FaultSettingRules.Validate(setting);
        }
        catch (FaultSettingException bad)
        {
            return Problems.Invalid(bad.Field, bad.Reason);
        }
        var stored = await Switchboard(grains).SetAsync(name, setting);
        return TypedResults.Ok(FaultResponse.From(definition, stored));
    }

    private static IFaultSwitchboardGrain Switchboard(IGrainFactory grains) => grains.GetGrain<IFaultSwitchboardGrain>(IFaultSwitchboardGrain.Key);
}
