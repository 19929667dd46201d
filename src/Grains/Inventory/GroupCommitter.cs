namespace K8Shop.Grains.Inventory;

/// <summary>
/// Group commit for one grain's state: changes submitted while a write is in flight wait, then are applied in
/// order to the state and persisted together in one write; every change is answered only after the write that
/// holds it succeeded (or fails with that write). A change whose rule fails is answered with its error and
/// leaves the state as it was. Writes are paced by <see cref="WritePace"/>. Runs on the grain's scheduler, so it
/// needs no locks. <c>batchWritten</c> is told the size of each batch a successful write stored.
/// </summary>
public sealed class GroupCommitter<TState>(
    Func<TState> read,
    Func<TState, Task> write,
    Func<TState, TState> beforeBatch,
    int maxBatchSize,
    WritePace pace,
    TimeProvider clock,
    Action<int>? batchWritten = null)
    where TState : class
{
    private readonly Queue<IPendingChange> _queue = new();
    private Task _running = Task.CompletedTask;
    private readonly long _origin = clock.GetTimestamp();

    // When the pace would next allow a write were no burst allowed: a write may go once the time is within
    // Burst - 1 intervals of it, and each write moves it one interval on (the generic cell rate algorithm).
    private TimeSpan _paceTime;

    /// <summary>Changes waiting for a write.</summary>
    public int Backlog => _queue.Count;

    /// <summary>Storage writes made so far.</summary>
    public long Writes { get; private set; }

    public Task<TResult> Submit<TResult>(Func<TState, (TState State, TResult Result)> change)
    {
        var pending = new PendingChange<TResult>(change);
        _queue.Enqueue(pending);
        if (_running.IsCompleted)
            _running = RunAsync();
        return pending.Task;
    }

    private async Task RunAsync()
    {
        while (_queue.Count > 0)
        {
            await PaceAsync();
            var batch = new List<IPendingChange>(Math.Min(_queue.Count, maxBatchSize));
            while (batch.Count < maxBatchSize && _queue.TryDequeue(out var next))
                batch.Add(next);

            var before = read();
            var state = beforeBatch(before);
            foreach (var change in batch)
                state = change.Apply(state);

            if (!ReferenceEquals(state, before))
            {
                try
                {
                    TakeWriteSlot();
                    await write(state);
                    Writes++;
                    batchWritten?.Invoke(batch.Count);
                }
                catch (Exception ex)
                {
                    foreach (var change in batch)
                        change.Fail(ex);
                    continue;
                }
            }

            foreach (var change in batch)
                change.Complete();
        }
    }

    private TimeSpan Now => clock.GetElapsedTime(_origin);

    private async Task PaceAsync()
    {
        if (!pace.Limited)
            return;
        var wait = _paceTime - pace.Interval * (pace.Burst - 1) - Now;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, clock);
    }

    private void TakeWriteSlot()
    {
        if (pace.Limited)
            _paceTime = (_paceTime > Now ? _paceTime : Now) + pace.Interval;
    }

    private interface IPendingChange
    {
        TState Apply(TState state);

        void Complete();

        void Fail(Exception error);
    }

    private sealed class PendingChange<TResult>(Func<TState, (TState State, TResult Result)> change) : IPendingChange
    {
        private readonly TaskCompletionSource<TResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TResult? _result;
        private Exception? _error;

        public Task<TResult> Task => _answer.Task;

        public TState Apply(TState state)
        {
            try
            {
                (state, _result) = change(state);
            }
            catch (Exception ex)
            {
                _error = ex;
            }
            return state;
        }

        public void Complete()
        {
            if (_error is null)
                _answer.TrySetResult(_result!);
            else
                _answer.TrySetException(_error);
        }

        public void Fail(Exception error) => _answer.TrySetException(error);
    }
}

/// <summary>
/// At most <see cref="PerSecond"/> storage writes a second on average, of which up to <see cref="Burst"/> may go back to
/// back: a SKU written now and then never waits, while a hot one settles at the rate and batches more per write.
/// </summary>
public readonly record struct WritePace(int PerSecond, int Burst = 1)
{
    /// <summary>False for 0 writes a second (and for <c>default</c>): no pacing at all.</summary>
    public bool Limited => PerSecond > 0;

    public TimeSpan Interval => Limited ? TimeSpan.FromSeconds(1.0 / PerSecond) : TimeSpan.Zero;
}
