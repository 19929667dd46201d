using System.Net;
using System.Text;
using System.Text.Json;
using K8Shop.LoadGen.Faults;

namespace K8Shop.LoadGen.Tests.Faults;

/// <summary>
/// The gateway's fault API in memory, per the contract: GET /admin/faults and PUT /admin/faults/{name}, camelCase
/// JSON; it records every call in order, and can answer 404 to everything or 500 to turning a given fault off.
/// </summary>
public sealed class FakeFaultsHandler(params (string Name, string Kind)[] faults) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FaultState> _faults = faults.ToDictionary(
        fault => fault.Name, fault => new FaultState(fault.Name, $"the {fault.Name} fault", fault.Kind, false, 1, null, null, null, null, null));

    public List<string> Calls { get; } = [];
    public List<FaultSetting> Settings { get; } = [];
    public bool NoApi { get; init; }
    public HashSet<string> CannotTurnOff { get; } = [];
    public string? BearerSeen { get; private set; }

    public bool IsOn(string name)
    {
        lock (_gate)
            return _faults[name].Enabled;
    }

    public void Set(string name, bool enabled)
    {
        lock (_gate)
            _faults[name] = _faults[name] with { Enabled = enabled };
    }

    public static HttpClient Client(FakeFaultsHandler handler) => new(handler) { BaseAddress = new Uri("http://gateway.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        BearerSeen = request.Headers.Authorization?.Parameter;
        if (NoApi)
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        lock (_gate)
            Calls.Add($"{request.Method} {path}");
        if (request.Method == HttpMethod.Get && path == "/admin/faults")
        {
            lock (_gate)
                return Json(new FaultList(_faults.Values.Any(fault => fault.Enabled), [.. _faults.Values]), FaultJsonContext.Default.FaultList);
        }
        if (request.Method == HttpMethod.Put && path.StartsWith("/admin/faults/", StringComparison.Ordinal))
        {
            var name = Uri.UnescapeDataString(path["/admin/faults/".Length..]);
            var setting = JsonSerializer.Deserialize(await request.Content!.ReadAsStringAsync(cancellationToken), FaultJsonContext.Default.FaultSetting)!;
            lock (_gate)
            {
                if (!_faults.TryGetValue(name, out var state))
                    return new HttpResponseMessage(HttpStatusCode.NotFound);
                Settings.Add(setting);
                Calls[^1] += setting.Enabled ? " on" : " off";
                if (!setting.Enabled && CannotTurnOff.Contains(name))
                    return new HttpResponseMessage(HttpStatusCode.InternalServerError);
                _faults[name] = state with { Enabled = setting.Enabled, Probability = setting.Probability, LatencyMs = setting.LatencyMs, DurationSeconds = setting.DurationSeconds };
                return Json(_faults[name], FaultJsonContext.Default.FaultState);
            }
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(value, type), Encoding.UTF8, "application/json") };
}
