namespace K8Shop.TestSupport;

/// <summary>The standalone gateway built next to the tests (src/Gateways/K8Shop.Gateway's output for the same configuration and framework).</summary>
public static class BuiltGateway
{
    public static string DllPath => Path.Combine(BuiltSilo.OutputDirectory("src/Gateways/K8Shop.Gateway"), "K8Shop.Gateway.dll");
}
