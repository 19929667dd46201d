namespace K8Shop.Tools.Auth;

/// <summary>
/// A confidential client of the identity provider (<c>operator</c>, <c>loadgen</c>). A class, not a record, so the
/// secret never lands in a ToString or a log line.
/// </summary>
public sealed class ClientCredentials(string clientId, string secret)
{
    public string ClientId { get; } = clientId;

    public string Secret { get; } = secret;

    public override string ToString() => ClientId;
}
