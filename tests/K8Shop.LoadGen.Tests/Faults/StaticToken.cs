using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Tests.Faults;

public sealed class StaticToken(string value = "operator-token") : IAccessTokenSource
{
    public ValueTask<string> GetAsync(CancellationToken cancellation = default) => ValueTask.FromResult(value);
}
