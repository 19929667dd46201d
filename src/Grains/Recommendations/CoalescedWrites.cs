namespace K8Shop.Grains.Recommendations;

/// <summary>
/// The writes of a reentrant grain that applies changes in memory: a caller whose change is applied waits for a write
/// that covers it, one write is in flight at a time, and writes start at least <c>interval</c> apart, so changes that
/// arrive meanwhile share the next write (a busy grain writes a few times a second, not once per change).
/// </summary>
/// <param name="write">Stores everything applied so far (it snapshots the state itself, after any wait).</param>
public sealed class CoalescedWrites(Func<Task> write, Func<TimeSpan> interval, TimeProvider clock)
{
    private long _applied;
    private long _stored;
    private Task? _writing;
    private long _lastWriteStarted;

    /// <summary>Call right after applying a change (in the same turn); returns once a write holding it succeeded.</summary>
    public async Task CommitAsync()
    {
        var mine = ++_applied;
        while (_stored < mine)
        {
            if (_writing is null || _writing.IsCompleted)
                _writing = WriteAsync();
            await _writing;
        }
    }

    private async Task WriteAsync()
    {
        var wait = interval() - clock.GetElapsedTime(_lastWriteStarted);
        if (_lastWriteStarted != 0 && wait > TimeSpan.Zero)
            await Task.Delay(wait, clock);
        _lastWriteStarted = clock.GetTimestamp();
        // Read after the wait: changes applied meanwhile ride along.
        var covered = _applied;
        await write();
        _stored = covered;
    }
}
