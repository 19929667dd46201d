using K8Shop.TestSupport;

namespace K8Shop.LoadGen.Tests.EndToEnd;

/// <summary>
/// The built silo (src/Silo's output for this test's configuration) in its own process, embedded profile, on free
/// ports, with its co-hosted identity provider's operator and loadgen clients: the real cart, order saga, payments and
/// inventory behind real sockets, with authentication required.
/// </summary>
public sealed class EmbeddedSilo : IAsyncLifetime
{
    public const string OperatorSecret = "loadgen-e2e-operator-secret";
    public const string LoadGenSecret = "loadgen-e2e-loadgen-secret";

    private HostProcess? _silo;

    public string Url => _silo!.Ports.HttpUrl;

    public string Output => _silo?.Output ?? "";

    public async Task InitializeAsync()
    {
        _silo = HostProcess.Start(BuiltSilo.DllPath, ports =>
        [
            .. ports.Settings(),
            new("K8Shop__Profile", "embedded"),
            new("Identity__OperatorClient__Secret", OperatorSecret),
            new("Identity__LoadGenClient__Secret", LoadGenSecret),
            new("Logging__LogLevel__Default", "Warning"),
        ]);
        await _silo.WaitUntilReadyAsync("/orders/healthz", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
    }
}
