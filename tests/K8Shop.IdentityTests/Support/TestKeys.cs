using System.Security.Cryptography;

namespace K8Shop.IdentityTests.Support;

public static class TestKeys
{
    /// <summary>A fresh RSA private key in PEM, as a Kubernetes Secret would hold it.</summary>
    public static string RsaPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
