using System.Buffers.Text;
using System.Text.Json;

namespace K8Shop.Tools.Auth;

/// <summary>
/// Reads a claim from a JWT's payload without checking its signature: the tools only need to know which user id the
/// provider gave an account they created; the gateway does the validating.
/// </summary>
public static class JwtPayload
{
    public static string ReadSubject(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
            throw new FormatException("the access token is not a JWT (header.payload.signature)");
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return payload.RootElement.TryGetProperty("sub", out var subject) && subject.GetString() is { Length: > 0 } value
            ? value
            : throw new FormatException("the access token has no sub claim");
    }
}
