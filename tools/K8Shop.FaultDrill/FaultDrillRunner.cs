using System.Diagnostics;
using System.Text.Json;

namespace K8Shop.FaultDrill;

/// <summary>
/// The fault drill: <see cref="FaultDrillOptions.Checkouts"/> checkouts from <see cref="FaultDrillOptions.Clients"/>
/// concurrent clients, each under its own Idempotency-Key and retried until acknowledged; the target is killed once
/// <see cref="FaultDrillOptions.KillAtProgress"/> of them are acknowledged and restarted
/// <see cref="FaultDrillOptions.RestartAfter"/> later; then the shop's state is checked against what clients were told.
/// </summary>
/// <param name="ordersOnTarget">When given, asked right before the kill which order ids the target holds.</param>
public sealed class FaultDrillRunner(
    FaultDrillOptions options, HttpClient http, IFaultTarget target, Action<string> log,
    Func<CancellationToken, Task<IReadOnlySet<string>>>? ordersOnTarget = null)
{
    private static readonly string[] FinalStatuses = ["confirmed", "rejected", "payment_failed"];

    private ShopClient _shop = null!;
    private int _acknowledged;
    private IReadOnlySet<string>? _ordersOnTarget;
    private IReadOnlySet<string>? _ordersAtKill;

    public async Task<FaultReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var auth = await DrillAuth.PrepareAsync(options, log, cancellationToken);
        _shop = new ShopClient(http, auth.Admin, auth.Shoppers);
        foreach (var sku in options.Skus)
            await Retry.UntilAsync(() => _shop.SetStockAsync(sku, options.StockPerSku, cancellationToken), TimeSpan.FromSeconds(60), cancellationToken);
        var before = new Dictionary<string, JsonElement>();
        foreach (var sku in options.Skus)
            before[sku] = await Retry.UntilAsync(() => _shop.GetInventoryAsync(sku, cancellationToken), TimeSpan.FromSeconds(60), cancellationToken);
        log($"stock set: {options.StockPerSku} units of each of {string.Join(", ", options.Skus)}; {options.Checkouts} checkouts from {options.Clients} clients (run {options.RunId})");

        var records = Enumerable.Range(0, options.Checkouts).Select(i => new CheckoutRecord(CheckoutPlan.For(i, options, auth.AccountIds))).ToArray();
        var next = -1;
        var clients = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < records.Length; i = Interlocked.Increment(ref next))
                await CheckoutAsync(records[i], cancellationToken);
        }, cancellationToken)).ToArray();

        var fault = RunFaultAsync(clients, cancellationToken);
        await Task.WhenAll(clients);
        var (killIssuedAt, killedAt, restartedAt) = await fault;
        log($"all {records.Length} checkouts done at {clock.Elapsed.TotalSeconds:F1} s: {records.Count(r => r.Acknowledged is not null)} acknowledged");

        var settle = await WaitUntilSettledAsync(records, restartedAt, cancellationToken);
        var report = await FaultVerifier.VerifyAsync(_shop, options, records, before, settle.Orders, cancellationToken);
        return report with
        {
            Target = target.Name,
            OrdersOnTarget = _ordersAtKill,
            KillIssuedAt = killIssuedAt,
            KilledAt = killedAt,
            RestartedAt = restartedAt,
            SettledAfterRestart = settle.SettledAfterRestart,
            Records = records,
            TotalRuntime = clock.Elapsed,
        };
    }

    /// <summary>
    /// Kills the target at the progress mark and restarts it the pause after it is gone; returns when the kill was
    /// asked for, when the target was gone, and when its restart began.
    /// </summary>
    private async Task<(DateTimeOffset KillIssuedAt, DateTimeOffset KilledAt, DateTimeOffset RestartedAt)> RunFaultAsync(Task[] clients, CancellationToken cancellationToken)
    {
        var mark = (int)Math.Ceiling(options.Checkouts * options.KillAtProgress);
        // The target's order grains are listed over and over until the mark, so the kill is not delayed by the
        // listing; the last list is at most one listing old when the kill is asked for.
        using var stopListing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listing = ordersOnTarget is null ? Task.CompletedTask : ListOrdersOnTargetAsync(ordersOnTarget, stopListing.Token);
        while (Volatile.Read(ref _acknowledged) < mark)
        {
            if (clients.All(c => c.IsCompleted))
                throw new InvalidOperationException($"the clients finished with {_acknowledged} acknowledged checkouts, before the kill mark {mark}");
            await Task.Delay(5, cancellationToken);
        }
        stopListing.Cancel();
        var ordersAtKill = _ordersAtKill = _ordersOnTarget;
        // A listing still in flight may now fail with its silo; nobody waits for it.
        _ = listing.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        if (ordersAtKill is not null)
            log($"{ordersAtKill.Count} order grains active on {target.Name} at the last listing before the kill");
        var killIssuedAt = DateTimeOffset.UtcNow;
        var acknowledgedAtKill = Volatile.Read(ref _acknowledged);
        await target.KillAsync(cancellationToken);
        var killedAt = DateTimeOffset.UtcNow;
        log($"killed {target.Name} (SIGKILL) at {acknowledgedAtKill} of {options.Checkouts} acknowledged; gone {(killedAt - killIssuedAt).TotalSeconds:F1} s after asking");
        await Task.Delay(options.RestartAfter, cancellationToken);
        var restartedAt = DateTimeOffset.UtcNow;
        log($"restarting {target.Name} ({Volatile.Read(ref _acknowledged)} acknowledged so far)");
        await target.RestartAsync(cancellationToken);
        log($"{target.Name} serves again, {(DateTimeOffset.UtcNow - restartedAt).TotalSeconds:F1} s after its restart began");
        return (killIssuedAt, killedAt, restartedAt);
    }

    private async Task ListOrdersOnTargetAsync(Func<CancellationToken, Task<IReadOnlySet<string>>> list, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var orders = await list(stop);
                if (stop.IsCancellationRequested)
                    return;
                _ordersOnTarget = orders;
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!stop.IsCancellationRequested)
                    log($"listing the order grains on {target.Name} failed ({ex.GetType().Name}); trying again");
            }
        }
    }

    /// <summary>One client's checkout: attempts under the same key until a 2xx, a 4xx, or the retry window ends.</summary>
    private async Task CheckoutAsync(CheckoutRecord record, CancellationToken cancellationToken)
    {
        record.Started = DateTimeOffset.UtcNow;
        var giveUpAt = record.Started + options.RetryFor;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            record.Attempts++;
            string failure;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(options.AttemptTimeout);
                var (status, body) = await _shop.PlaceAsync(record.Plan, attempt.Token);
                if ((int)status is >= 200 and < 300)
                {
                    var order = JsonDocument.Parse(body).RootElement;
                    record.Acknowledged = new(order.GetProperty("orderId").GetString()!, order.GetProperty("status").GetString()!, order.GetProperty("total").GetDecimal());
                    record.AcknowledgedAt = DateTimeOffset.UtcNow;
                    Interlocked.Increment(ref _acknowledged);
                    return;
                }
                if ((int)status is >= 400 and < 500 and not (408 or 429))
                {
                    record.Refused = $"{(int)status}: {body}";
                    return;
                }
                failure = $"HTTP {(int)status}";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = ex is OperationCanceledException ? "timeout" : $"connection: {ex.Message}";
            }
            record.AddFailure(DateTimeOffset.UtcNow, failure);
            if (DateTimeOffset.UtcNow + backoff > giveUpAt)
                return;
            await Task.Delay(backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(50)), cancellationToken);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>
    /// Reads every key's order until each stored one is final (or <see cref="FaultDrillOptions.SettleWithin"/> after
    /// the restart passed); returns them (null: never stored) and how long after the restart the last one settled.
    /// </summary>
    private async Task<(Dictionary<string, JsonElement?> Orders, TimeSpan? SettledAfterRestart)> WaitUntilSettledAsync(
        CheckoutRecord[] records, DateTimeOffset restartedAt, CancellationToken cancellationToken)
    {
        var deadline = restartedAt + options.SettleWithin;
        while (true)
        {
            var orders = new Dictionary<string, JsonElement?>();
            foreach (var record in records)
                orders[record.Plan.Key] = await Retry.UntilAsync(() => _shop.GetOrderAsync(record.Plan.OrderId, cancellationToken), TimeSpan.FromSeconds(30), cancellationToken);
            var open = orders.Values.OfType<JsonElement>().Count(o => !FinalStatuses.Contains(o.GetProperty("status").GetString()));
            var now = DateTimeOffset.UtcNow;
            if (open == 0)
                return (orders, now > restartedAt ? now - restartedAt : TimeSpan.Zero);
            if (now > deadline)
            {
                log($"{open} stored orders still not final {options.SettleWithin.TotalSeconds:F0} s after the restart");
                return (orders, null);
            }
            log($"{open} stored orders not final yet");
            await Task.Delay(500, cancellationToken);
        }
    }

    public static bool IsFinal(string? status) => FinalStatuses.Contains(status);
}
