using K8Shop.Gateways.Modules;

namespace K8Shop.Gateway.Hosting;

public static partial class GatewayLog
{
    /// <summary>Says at start which services this gateway serves, so a Deployment's log shows what it is.</summary>
    public static void LogServedModules(this WebApplication app)
    {
        var served = app.Services.GetRequiredService<GatewayServedModules>().Names;
        ServedModules(app.Logger, string.Join(", ", GatewayModules.Names.Where(served.Contains)), served.Count == GatewayModules.Names.Count ? " (all)" : "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway serves modules {Modules}{All}; health at /health/live and /health/ready")]
    private static partial void ServedModules(ILogger logger, string modules, string all);
}
