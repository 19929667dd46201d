using System.Diagnostics;

namespace K8Shop.LoadGen.Faults;

/// <summary>
/// Polls the gateway's fault switches once a second during the load and keeps which were on at each answer. A 404
/// (a server without the API) or 401/403 (a token without the role) stops it at the first poll, said once; other
/// failures are counted and polling goes on.
/// </summary>
public sealed class FaultWatcher(FaultsClient client, TextWriter diagnostics, TimeSpan? interval = null)
{
    private readonly List<FaultObservation> _observations = [];
    private readonly Lock _gate = new();

    /// <summary>Why nothing was recorded, when the API is not there for us.</summary>
    public string? Unavailable { get; private set; }

    public int Polls { get; private set; }

    public int FailedPolls { get; private set; }

    public IReadOnlyList<FaultObservation> Observations
    {
        get
        {
            lock (_gate)
                return [.. _observations];
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval ?? TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (!await PollAsync(stop))
                    return;
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over.
        }
    }

    /// <summary>One poll; false once the API turned out not to be there.</summary>
    public async Task<bool> PollAsync(CancellationToken stop)
    {
        var result = await client.ListAsync(stop);
        Polls++;
        if (result.Reply is { } list)
        {
            var active = list.Faults.Where(fault => fault.Enabled).Select(fault => fault.Name).Order(StringComparer.Ordinal).ToList();
            lock (_gate)
                _observations.Add(new FaultObservation(Stopwatch.GetTimestamp(), active));
            return true;
        }
        if (FaultsClient.Unavailable(result.Failure!) is { } reason)
        {
            Unavailable = reason;
            await diagnostics.WriteLineAsync($"k8shop-loadgen: active faults not recorded: {reason}");
            return false;
        }
        FailedPolls++;
        return true;
    }
}
