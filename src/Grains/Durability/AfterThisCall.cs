namespace K8Shop.Grains.Durability;

/// <summary>
/// Work a grain does once the current call has answered (publishing its outbox, telling the due-work index it is
/// done): a one-shot grain timer, which does not interleave with calls. Asking again before it ran changes nothing.
/// </summary>
public sealed class AfterThisCall(IGrainBase grain, Func<Task> work)
{
    private IGrainTimer? _timer;

    public void Schedule() =>
        _timer ??= grain.RegisterGrainTimer(async () =>
        {
            _timer?.Dispose();
            _timer = null;
            await work();
        }, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
}
