using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8Shop.Gateways.Auth;

/// <summary>Says loudly, at every start, that a gateway in <c>Auth:Mode=open</c> trusts whatever user id a caller sends.</summary>
public sealed partial class OpenModeWarning(ILogger<OpenModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogOpen(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "AUTH MODE IS OPEN: ANY CALLER CAN READ AND CHANGE ANY SHOPPER'S CART, ORDERS, PAYMENTS AND CONTACT, AND MOVE STOCK. " +
        "THIS EXISTS ONLY FOR THE ORIGINAL K8SHOP CLIENTS; remove Auth__Mode=open (the default is required) for a shop real people use.")]
    private static partial void LogOpen(ILogger logger);
}
