using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Inventory;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Faults;

/// <summary>The gateway's fault switches (admin or machine identity): list them, set one.</summary>
public sealed class FaultsClient(HttpClient http, IAccessTokenSource token, TimeSpan timeout)
{
    public Task<CallResult<FaultList>> ListAsync(CancellationToken cancellation) =>
        GatewayHttp.SendAsync(http, timeout, HttpMethod.Get, "admin/faults", null, token, null, FaultJsonContext.Default.FaultList, cancellation);

    public Task<CallResult<FaultState>> SetAsync(string name, FaultSetting setting, CancellationToken cancellation) =>
        GatewayHttp.SendAsync(http, timeout, HttpMethod.Put, $"admin/faults/{Uri.EscapeDataString(name)}",
            GatewayHttp.Body(setting, FaultJsonContext.Default.FaultSetting), token, null, FaultJsonContext.Default.FaultState, cancellation);

    /// <summary>A failure that says the gateway has no fault API for us (an older server, or a token without the role), not a passing hiccup.</summary>
    public static string? Unavailable(CallFailure failure) => failure.StatusCode switch
    {
        404 => "the gateway has no GET /admin/faults (404: a server without fault switches)",
        401 or 403 => $"GET /admin/faults refused the token ({failure.StatusCode}: the client needs the admin or machine role)",
        _ => null,
    };
}
