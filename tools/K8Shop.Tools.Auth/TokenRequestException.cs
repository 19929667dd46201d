namespace K8Shop.Tools.Auth;

/// <summary>The token endpoint refused or could not be reached; the message names the client and the OAuth error, never a secret.</summary>
public sealed class TokenRequestException(string message, Exception? inner = null) : Exception(message, inner);
