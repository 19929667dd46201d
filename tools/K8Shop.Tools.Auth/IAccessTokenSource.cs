namespace K8Shop.Tools.Auth;

/// <summary>Where a caller gets the bearer token for its next request.</summary>
public interface IAccessTokenSource
{
    /// <summary>A token valid for a while yet; cached between calls, fetched again before it expires.</summary>
    ValueTask<string> GetAsync(CancellationToken cancellation = default);
}
