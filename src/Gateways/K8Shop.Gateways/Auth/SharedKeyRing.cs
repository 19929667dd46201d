using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// The Data Protection key ring that signs the guest cookie. Without <c>DataProtection:KeysDirectory</c> each process
/// keeps its own (embedded mode, one gateway). With it, every gateway pod reads the same keys from that directory, a
/// Secret mounted read-only on Kubernetes (<c>infra/k8s/generate-secrets.sh</c> writes one key file), so a cookie one
/// pod issued is read by every other; no pod generates or rotates keys, since a key made in one pod alone would make
/// its cookies unreadable elsewhere. To rotate, add a newer key file to the Secret and keep the old one until its
/// cookies have expired.
/// </summary>
public static class SharedKeyRing
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    /// <summary>One name for every gateway, whatever its content root, so they all derive the same purposes.</summary>
    public const string ApplicationName = "k8shop-gateway";

    public static IServiceCollection AddGatewayDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection();
        var directory = configuration[KeysDirectoryKey];
        if (string.IsNullOrWhiteSpace(directory))
            return services;
        if (!Directory.Exists(directory))
            throw new InvalidOperationException(
                $"{KeysDirectoryKey} is '{directory}', which is not a directory: mount the gateway key ring there (Secret gateway-data-protection) or unset it.");
        builder.SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(directory))
            .DisableAutomaticKeyGeneration();
        return services;
    }
}
