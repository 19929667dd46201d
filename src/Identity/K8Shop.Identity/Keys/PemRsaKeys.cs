using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace K8Shop.Identity.Keys;

/// <summary>RSA keys from PEM text, with a key id derived from the key itself so every pod publishes the same <c>kid</c>.</summary>
public static class PemRsaKeys
{
    private const int MinimumBits = 2048;

    public static bool TryLoad(string pem, [NotNullWhen(true)] out RsaSecurityKey? key)
    {
        key = null;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            // A public key imports too, but cannot sign or decrypt.
            rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return false;
        }
        if (rsa.KeySize < MinimumBits)
        {
            rsa.Dispose();
            return false;
        }
        key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return true;
    }

    public static RsaSecurityKey Load(string pem, string settingName) =>
        TryLoad(pem, out var key) ? key : throw new InvalidOperationException($"{settingName} is not a PEM RSA private key of at least 2048 bits.");
}
