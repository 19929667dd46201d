namespace K8Shop.Tools.Auth;

/// <summary>An access token as the token endpoint issued it, and when it stops being accepted.</summary>
public sealed class AccessToken(string value, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The token's <c>sub</c> claim: the account's user id, or the client id for client credentials.</summary>
    public string Subject => JwtPayload.ReadSubject(Value);

    public override string ToString() => $"access token until {ExpiresAt:u}";
}
