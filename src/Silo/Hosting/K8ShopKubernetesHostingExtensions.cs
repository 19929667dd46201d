using Orleans.Hosting.Kubernetes;

namespace K8Shop.Silo.Hosting;

public static class K8ShopKubernetesHostingExtensions
{
    /// <summary>
    /// On Kubernetes (the pod's namespace in <c>POD_NAMESPACE</c>, as infra/k8s sets it), Orleans' Kubernetes hosting:
    /// the silo is named after its pod and advertises the pod IP, and it watches the silo pods, so a deleted pod's silo
    /// is declared dead at once instead of after missed probes. Needs the pods get/list/watch/patch role infra/k8s grants.
    /// Elsewhere (a laptop, tests, the local cluster script) nothing changes.
    /// </summary>
    public static ISiloBuilder AddK8ShopKubernetesHosting(this ISiloBuilder silo)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable)))
            return silo;
        return silo.UseKubernetesHosting();
    }
}
