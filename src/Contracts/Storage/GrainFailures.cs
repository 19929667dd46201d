using K8Shop.Contracts.Catalog;
using Orleans.Runtime;
using Orleans.Storage;

namespace K8Shop.Contracts.Storage;

/// <summary>How callers of grains tell "retry later" failures apart, whether they run in a gateway or in another grain.</summary>
public static class GrainFailures
{
    /// <summary>True when the cluster itself did not answer (silo gone, message rejected, call timed out).</summary>
    public static bool IsClusterUnavailable(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;

    /// <summary>
    /// The runtime wraps failures raised while a grain loads or writes its state in an <see cref="OrleansException"/>;
    /// this is the cause a caller should answer for.
    /// </summary>
    public static Exception Cause(Exception exception) =>
        exception is OrleansException { InnerException: StorageUnavailableException or CatalogUnavailableException or InconsistentStateException } wrapped
            ? wrapped.InnerException!
            : exception;
}
