namespace K8Shop.Contracts.Storage;

/// <summary>
/// A grain's datastore could not be reached; the call changed nothing acknowledged and may be retried.
/// <see cref="Exception.Message"/> is the text the original service answered (e.g. "cart backend unavailable").
/// </summary>
[GenerateSerializer, Alias("k8shop.storage.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() : this("backend", "backend unavailable") { }

    public StorageUnavailableException(string backend, string message) : base(message) => Backend = backend;

    public StorageUnavailableException(string message, Exception inner) : base(message, inner) => Backend = "backend";

    /// <summary>Which store failed ("redis", "postgres", ...).</summary>
    [Id(0)]
    public string Backend { get; init; }
}

/// <summary>Whether a grain datastore answers, for health routes.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.storage.BackendHealth")]
public sealed record BackendHealth(
    [property: Id(0)] bool Ok,
    [property: Id(1)] string Backend,
    [property: Id(2)] string? Error = null);

/// <summary>Reports on the datastore behind one kind of grain (key: "cart"), from the silo that answers.</summary>
public interface IBackendHealthGrain : IGrainWithStringKey
{
    Task<BackendHealth> CheckAsync();
}
