using System.Diagnostics;
using K8Shop.Grains.Inventory;

namespace K8Shop.UnitTests.Inventory;

/// <summary>
/// The committer runs on a grain's scheduler: one turn at a time. The tests run it the same way, on an exclusive
/// scheduler, over a state held in a local store whose writes the test holds open or fails at will.
/// </summary>
public sealed class GroupCommitterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private sealed record Tally(int Value);

    /// <summary>The stored state and its writes; a write waits on the next gate the test queued, if any.</summary>
    private sealed class Store
    {
        private readonly Queue<TaskCompletionSource> _gates = new();

        public Tally Stored { get; private set; } = new(0);

        /// <summary>Every write begun, in order, with the state it carried.</summary>
        public List<Tally> Attempts { get; } = [];

        public TaskCompletionSource HoldNextWrite()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _gates.Enqueue(gate);
            return gate;
        }

        public async Task WriteAsync(Tally next)
        {
            Attempts.Add(next);
            if (_gates.TryDequeue(out var gate))
                await gate.Task;
            Stored = next;
        }

        public GroupCommitter<Tally> Committer(int maxBatchSize = 100, WritePace pace = default, Func<Tally, Tally>? beforeBatch = null) =>
            new(() => Stored, WriteAsync, beforeBatch ?? (s => s), maxBatchSize, pace, TimeProvider.System);
    }

    private static (Tally, int) Increment(Tally s) => (s with { Value = s.Value + 1 }, s.Value + 1);

    /// <summary>Runs the body one turn at a time, as a grain's scheduler would.</summary>
    private static Task OnGrainScheduler(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler)
            .Unwrap().WaitAsync(Patience);

    [Fact]
    public Task Submit_ChangesArrivingWhileAWriteIsInFlight_AreWrittenTogetherInOneNextWrite() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer();
        var gate = store.HoldNextWrite();
        var first = committer.Submit(Increment);

        var waiting = Enumerable.Range(0, 5).Select(_ => committer.Submit(Increment)).ToList();
        var backlog = committer.Backlog;
        gate.SetResult();
        var results = await Task.WhenAll([first, .. waiting]);

        Assert.Equal(5, backlog);
        Assert.Equal([1, 2, 3, 4, 5, 6], results);
        Assert.Equal([new Tally(1), new Tally(6)], store.Attempts);
        Assert.Equal((2L, new Tally(6)), (committer.Writes, store.Stored));
    });

    [Fact]
    public Task Submit_WhileItsWriteIsHeldOpen_NoChangeIsAnsweredBeforeTheWriteCompletes() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer();
        var firstGate = store.HoldNextWrite();
        var secondGate = store.HoldNextWrite();
        var first = committer.Submit(Increment);
        var second = committer.Submit(Increment);
        var third = committer.Submit(Increment);

        await Task.Delay(30);
        var whileFirstHeld = (first.IsCompleted, second.IsCompleted, third.IsCompleted);
        firstGate.SetResult();
        await first;
        await Task.Delay(30);
        var whileSecondHeld = (second.IsCompleted, third.IsCompleted, store.Attempts.Count);
        secondGate.SetResult();
        await Task.WhenAll(second, third);

        Assert.Equal((false, false, false), whileFirstHeld);
        Assert.Equal((false, false, 2), whileSecondHeld);
        Assert.Equal((2, 3), (second.Result, third.Result));
    });

    [Fact]
    public Task Submit_WriteFails_FailsEveryChangeInItsBatchAndLaterChangesBuildOnTheLastStoredState() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer();
        var firstGate = store.HoldNextWrite();
        var failingGate = store.HoldNextWrite();
        var first = committer.Submit(Increment);
        var doomed = Enumerable.Range(0, 3).Select(_ => committer.Submit(Increment)).ToList();
        var failure = new IOException("storage unavailable");

        firstGate.SetResult();
        await first;
        failingGate.SetException(failure);
        var errors = await Task.WhenAll(doomed.Select(t => Assert.ThrowsAsync<IOException>(() => t)));
        var storedAfterFailure = store.Stored;
        var later = await committer.Submit(Increment);

        Assert.All(errors, e => Assert.Same(failure, e));
        Assert.Equal(new Tally(1), storedAfterFailure);
        Assert.Equal(2, later);
        Assert.Equal(new Tally(2), store.Stored);
        Assert.Equal([1, 4, 2], store.Attempts.Select(a => a.Value));
        Assert.Equal(2L, committer.Writes);
    });

    [Fact]
    public Task Submit_ARuleThrowsInTheMiddleOfABatch_AnswersItsErrorAndTheOthersAreWritten() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer();
        var gate = store.HoldNextWrite();
        var first = committer.Submit(Increment);
        var before = committer.Submit(Increment);
        var broken = committer.Submit<int>(_ => throw new InvalidOperationException("rule broken"));
        var after = committer.Submit(Increment);

        gate.SetResult();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => broken);

        Assert.Equal("rule broken", error.Message);
        Assert.Equal((1, 2, 3), (await first, await before, await after));
        Assert.Equal([1, 3], store.Attempts.Select(a => a.Value));
        Assert.Equal(new Tally(3), store.Stored);
    });

    [Fact]
    public Task Submit_MaxBatchSizeOne_WritesOncePerChange() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(maxBatchSize: 1);
        var gate = store.HoldNextWrite();
        var changes = Enumerable.Range(0, 50).Select(_ => committer.Submit(Increment)).ToList();

        gate.SetResult();
        var results = await Task.WhenAll(changes);

        Assert.Equal(Enumerable.Range(1, 50), results);
        Assert.Equal(50, store.Attempts.Count);
        Assert.Equal(50L, committer.Writes);
    });

    [Fact]
    public Task Submit_MoreChangesQueuedThanMaxBatchSize_SplitsThemIntoBatchesOfAtMostThatSize() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(maxBatchSize: 10);
        var gate = store.HoldNextWrite();
        var first = committer.Submit(Increment);
        var queued = Enumerable.Range(0, 25).Select(_ => committer.Submit(Increment)).ToList();

        gate.SetResult();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([1, 11, 21, 26], store.Attempts.Select(a => a.Value));
    });

    [Fact]
    public Task Submit_ChangesThatKeepTheSameState_AreAnsweredWithoutAWrite() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer();
        var gate = store.HoldNextWrite();
        var first = committer.Submit(Increment);
        var unchanged = Enumerable.Range(0, 3).Select(i => committer.Submit(s => (s, i))).ToList();

        gate.SetResult();
        await first;
        var answers = await Task.WhenAll(unchanged);
        var alone = await committer.Submit(s => (s, 9));

        Assert.Equal([0, 1, 2], answers);
        Assert.Equal(9, alone);
        Assert.Single(store.Attempts);
        Assert.Equal(1L, committer.Writes);
    });

    [Fact]
    public Task Submit_BeforeBatchChangesTheState_WritesItEvenWhenNoChangeDoes() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(beforeBatch: s => s.Value < 100 ? s with { Value = 100 } : s);

        var seen = await committer.Submit(s => (s, s.Value));
        var again = await committer.Submit(s => (s, s.Value));

        Assert.Equal((100, 100), (seen, again));
        Assert.Equal([new Tally(100)], store.Attempts);
    });

    [Fact]
    public Task Submit_50WritesPerSecondWithoutBurst_PacesFiveSequentialBatchesOverAtLeast80Ms() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(pace: new WritePace(50, Burst: 1));
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
            await committer.Submit(Increment);
        watch.Stop();

        Assert.Equal(5, store.Attempts.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(72), $"5 paced writes took only {watch.Elapsed.TotalMilliseconds} ms");
    });

    [Fact]
    public Task Submit_OneWritePerSecondWithBurst3_WritesThreeAtOnce_ThenWaitsForTheRate() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(pace: new WritePace(1, Burst: 3));
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 3; i++)
            await committer.Submit(Increment);
        var burst = watch.Elapsed;
        await committer.Submit(Increment);
        var fourth = watch.Elapsed;

        Assert.Equal(4, store.Attempts.Count);
        Assert.True(burst < TimeSpan.FromMilliseconds(900), $"3 writes within the burst took {burst.TotalMilliseconds} ms");
        Assert.True(fourth >= TimeSpan.FromMilliseconds(900), $"the 4th write, past the burst at 1 write/s, came after only {fourth.TotalMilliseconds} ms");
    });

    [Fact]
    public Task Submit_ABatchThatChangesNothing_UsesNoWriteSlot() => OnGrainScheduler(async () =>
    {
        var store = new Store();
        var committer = store.Committer(pace: new WritePace(1, Burst: 1));
        var watch = Stopwatch.StartNew();

        await committer.Submit(s => (s, 0));
        await committer.Submit(Increment);

        Assert.Single(store.Attempts);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(900), $"a write after a batch that wrote nothing waited {watch.Elapsed.TotalMilliseconds} ms");
    });
}
