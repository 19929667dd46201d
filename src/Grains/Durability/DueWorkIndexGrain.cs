using System.Collections.Immutable;
using K8Shop.Grains.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace K8Shop.Grains.Durability;

/// <summary>
/// One partition of the due-work index (see <see cref="DueWork"/>). Reentrant so that records arriving while a write
/// is in flight join the next one: at most one write in flight and one waiting, whatever the load. Its reminder,
/// registered by each activation, outlives the silo: after a crash it brings the partition back, and each tick (every
/// <see cref="OrderOptions.ResumeAfter"/>) resumes the workers that were already due at the tick before, so work in
/// flight gets at least one period to finish by itself. Ticks, not the wall clock, tell what is stale: the clock is the
/// shop's, which tests move by hand; workers read back after a crash are stale at the first tick.
/// </summary>
[Reentrant]
public sealed partial class DueWorkIndexGrain(
    // With the orders: the index is written where the work it points at is.
    [PersistentState("dueWork", OrderStorage.Name)] IPersistentState<DueWorkState> state,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<DueWorkIndexGrain> logger) : Grain, IDueWorkIndexGrain, IRemindable
{
    public const string ReminderName = "due-work-sweep";

    /// <summary>Most workers one sweep resumes at once; the rest wait for the next tick.</summary>
    private const int SweepBatch = 256;

    private readonly Dictionary<GrainId, (DateTimeOffset Since, long Tick)> _due = [];
    private long _tick;
    private Task? _writing;
    private Task? _nextWrite;
    private Task? _reminding;
    private bool _removalsUnstored;

    private long Partition => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in state.State.Items)
            _due.TryAdd(item.Worker, (item.Since, -1));
        // Removals ride on the next record's write; when none comes, this stores them.
        this.RegisterGrainTimer(() => _removalsUnstored ? PersistAsync() : Task.CompletedTask, options.Value.ResumeAfter, options.Value.ResumeAfter);
        return Task.CompletedTask;
    }

    public async Task ExpectAsync(ImmutableArray<GrainId> workers)
    {
        var now = clock.GetUtcNow();
        foreach (var worker in workers)
            _due.TryAdd(worker, (now, _tick));
        if (_reminding is { IsFaulted: true })
            _reminding = null;
        _reminding ??= this.RegisterOrUpdateReminder(ReminderName, options.Value.ResumeAfter, options.Value.ResumeAfter);
        await Task.WhenAll(PersistAsync(), _reminding);
    }

    public Task DoneAsync(GrainId worker)
    {
        if (_due.Remove(worker))
            _removalsUnstored = true;
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var staleBy = ++_tick - 2;
        var stale = _due.Where(d => d.Value.Tick <= staleBy).Select(d => d.Key).Take(SweepBatch).ToList();
        if (stale.Count == 0)
            return;
        LogSweeping(Partition, stale.Count);
        var done = await Task.WhenAll(stale.Select(ResumeAsync));
        var removed = 0;
        for (var i = 0; i < stale.Count; i++)
        {
            if (done[i] && _due.Remove(stale[i]))
                removed++;
        }
        if (removed > 0)
            await PersistAsync();
    }

    private async Task<bool> ResumeAsync(GrainId worker)
    {
        try
        {
            return await GrainFactory.GetGrain<IDueWork>(worker).ResumeDueWorkAsync();
        }
        catch (Exception ex)
        {
            LogResumeFailed(ex, Partition, worker.ToString());
            return false;
        }
    }

    /// <summary>Stores the index as it is now, or with the write after the one in flight (which then carries every change since).</summary>
    private Task PersistAsync()
    {
        if (_writing is null || _writing.IsCompleted)
            return _writing = WriteAsync();
        return _nextWrite ??= WriteAfterAsync(_writing);
    }

    private async Task WriteAfterAsync(Task writing)
    {
        try
        {
            await writing;
        }
        catch (Exception)
        {
            // That write's callers saw its failure; this one is a write of its own.
        }
        _nextWrite = null;
        await (_writing = WriteAsync());
    }

    private Task WriteAsync()
    {
        _removalsUnstored = false;
        var next = new DueWorkState { Items = [.. _due.Select(d => new DueWorkItem(d.Key, d.Value.Since))] };
        return state.WriteOrReloadAsync(this, next);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-work partition {Partition}: resuming {Count} interrupted workers")]
    private partial void LogSweeping(long partition, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-work partition {Partition}: {Worker} could not resume; the next sweep tries again")]
    private partial void LogResumeFailed(Exception exception, long partition, string worker);
}

/// <summary>A partition of the due-work index as stored.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.durability.DueWorkState")]
public sealed record DueWorkState
{
    [Id(0)] public ImmutableArray<DueWorkItem> Items { get; init; } = [];
}

/// <summary>A grain with work in progress since <paramref name="Since"/>.</summary>
[GenerateSerializer, Immutable, Alias("k8shop.durability.DueWorkItem")]
public sealed record DueWorkItem([property: Id(0)] GrainId Worker, [property: Id(1)] DateTimeOffset Since);
