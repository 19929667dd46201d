namespace K8Shop.Gateways.Modules;

/// <summary>The modules this host serves, resolved once from <see cref="GatewayOptions"/> at start.</summary>
public sealed class GatewayServedModules(IReadOnlySet<string> names)
{
    public IReadOnlySet<string> Names { get; } = names;

    public bool Contains(string module) => Names.Contains(module);
}
