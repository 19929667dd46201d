using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8Shop.Gateways.Health;

/// <summary>
/// <c>/health</c>'s body: the overall status, each check with its status and description, and the fault switches on
/// (<c>{"status": "Degraded", "faults": ["gateway-503"], "checks": [...]}</c>).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var faults = report.Entries.Values.SelectMany(e => e.Data.TryGetValue("faults", out var f) && f is IEnumerable<string> names ? names : []).ToList();
        var body = new
        {
            status = report.Status.ToString(),
            faults,
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
