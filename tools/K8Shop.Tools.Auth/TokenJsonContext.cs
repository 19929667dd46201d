using System.Text.Json.Serialization;

namespace K8Shop.Tools.Auth;

/// <summary>The token endpoint's reply (RFC 6749 5.1 and 5.2).</summary>
public sealed record TokenReply(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

[JsonSerializable(typeof(TokenReply))]
public sealed partial class TokenJsonContext : JsonSerializerContext;
