using K8Shop.Contracts.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace K8Shop.Grains.Storage;

/// <summary>Asks whether a datastore answers, from the silo the call lands on; keyed by the kind of grain ("cart").</summary>
public interface IBackendProbe
{
    string Backend { get; }

    /// <summary>Null when the store answers, else why not.</summary>
    Task<string?> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>A store that always answers: memory.</summary>
public sealed class MemoryBackendProbe : IBackendProbe
{
    public string Backend => "memory";

    public Task<string?> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

[StatelessWorker]
public sealed class BackendHealthGrain(IServiceProvider services) : Grain, IBackendHealthGrain
{
    public async Task<BackendHealth> CheckAsync()
    {
        var probe = services.GetKeyedService<IBackendProbe>(this.GetPrimaryKeyString());
        if (probe is null)
            return new BackendHealth(false, "none", "no store is configured for this kind of grain");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var error = await probe.ProbeAsync(timeout.Token);
        return new BackendHealth(error is null, probe.Backend, error);
    }
}
