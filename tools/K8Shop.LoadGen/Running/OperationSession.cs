using System.Diagnostics;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// One operation's requests. The first is timed from the operation's due time, so an open-loop start that ran late
/// counts against latency instead of vanishing (coordinated omission); each later one is sent the moment the
/// previous reply lands, so its send time is its due time. Outcomes go to the operation's phase and to the ledger.
/// The checkout calls are in OperationSession.Checkout.cs.
/// </summary>
public sealed partial class OperationSession(RunContext run, long dueAt, bool measured) : IShopSession
{
    private readonly RunContext _run = run;
    private readonly PhaseStats _stats = run.Recorder.For(measured);
    private readonly long _dueAt = dueAt;
    private long? _firstDueAt = dueAt;

    /// <summary>The longest Retry-After the server sent during this operation.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    public async Task<Reservation?> ReserveAsync(string sku, int quantity)
    {
        var orderId = _run.OrderIds.Next();
        var entry = _run.Ledger.Open(orderId, sku, quantity);
        var sentAt = NextSendTime();
        var result = await _run.Client.ReserveAsync(sku, new ReserveRequest(orderId, quantity, _run.TtlSeconds));
        _stats.Request(RequestKind.Reserve, sentAt, Stopwatch.GetTimestamp());

        var reply = result.Reply;
        var failure = result.Failure ?? (ReplyChecks.IsReserveReply(reply!, orderId, sku, quantity) ? null : CallFailure.Invalid("reserve reply does not match the request"));
        if (failure is not null)
        {
            Record(failure);
            if (failure.MayHaveApplied)
                entry.ReserveInDoubt();
            else
                entry.NotGranted();
            return null;
        }
        if (reply!.Status == ReplyStatus.Rejected)
        {
            entry.NotGranted();
            _stats.Add(Outcome.Rejected);
            return null;
        }
        entry.Granted();
        _stats.Granted(quantity);
        return new Reservation(orderId, sku, quantity);
    }

    public async Task RepeatReserveAsync(Reservation reservation)
    {
        var sentAt = NextSendTime();
        var request = new ReserveRequest(reservation.OrderId, reservation.Quantity, _run.TtlSeconds);
        var result = await _run.Client.ReserveAsync(reservation.Sku, request);
        _stats.Request(RequestKind.RepeatReserve, sentAt, Stopwatch.GetTimestamp());

        var failure = result.Failure
            ?? (ReplyChecks.IsReserveReply(result.Reply!, reservation.OrderId, reservation.Sku, reservation.Quantity) ? null : CallFailure.Invalid("reserve reply does not match the request"));
        if (failure is not null)
            Record(failure);
        else if (result.Reply!.Status == ReplyStatus.Reserved)
            _stats.Add(Outcome.RepeatConfirmed);
        else
            _run.Ledger[reservation.OrderId].RepeatMismatched();
    }

    public Task ReleaseAsync(Reservation reservation) =>
        SettleAsync(reservation, RequestKind.Release, ReplyStatus.Released, Outcome.Released);

    public Task CommitAsync(Reservation reservation) =>
        SettleAsync(reservation, RequestKind.Commit, ReplyStatus.Committed, Outcome.Committed);

    private async Task SettleAsync(Reservation reservation, RequestKind kind, string doneStatus, Outcome done)
    {
        var entry = _run.Ledger[reservation.OrderId];
        var sentAt = NextSendTime();
        var result = kind == RequestKind.Release
            ? await _run.Client.ReleaseAsync(reservation.Sku, reservation.OrderId)
            : await _run.Client.CommitAsync(reservation.Sku, reservation.OrderId);
        _stats.Request(kind, sentAt, Stopwatch.GetTimestamp());

        var failure = result.Failure
            ?? (ReplyChecks.IsSettleReply(result.Reply!, reservation.OrderId, reservation.Sku, doneStatus) ? null : CallFailure.Invalid($"{doneStatus} reply does not match the request"));
        if (failure is not null)
        {
            Record(failure);
            // A refused request changed nothing: the reservation is still held.
            if (failure.MayHaveApplied && kind == RequestKind.Release)
                entry.ReleaseInDoubt();
            else if (failure.MayHaveApplied)
                entry.CommitInDoubt();
            return;
        }
        if (result.Reply!.Status == doneStatus)
        {
            if (kind == RequestKind.Release)
                entry.Released();
            else
                entry.Committed();
            _stats.Add(done);
            return;
        }
        // "not_reserved" for a reservation the client holds: the server lost it; the stock checks will show where.
        entry.LostReservation();
        _stats.Add(Outcome.NotReserved);
    }

    private long NextSendTime()
    {
        var sendTime = _firstDueAt ?? Stopwatch.GetTimestamp();
        _firstDueAt = null;
        return sendTime;
    }

    private void Record(CallFailure failure)
    {
        _stats.Failed(failure);
        if (failure.RetryAfter is { } wait && (RetryAfter is null || wait > RetryAfter))
            RetryAfter = wait;
    }
}
