using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// After the load and reconciliation, asks the server about each sampled settled order:
/// <list type="bullet">
/// <item>keys: the same POST /orders (key and body) answers the same order id and status, and the shopper has exactly the orders
/// the run saw answered for them (a fresh shopper: that one order; a pooled account: one per checkout it ordered in, plus at
/// most one per checkout of its still in doubt);</item>
/// <item>settled: GET /orders/{id} shows the status and total the generator saw;</item>
/// <item>payments: a confirmed order has one payment.succeeded for its total; a rejected or declined one charged nothing.</item>
/// </list>
/// A request that fails three times leaves its aspect unverified, which fails the check: nothing was proven.
/// </summary>
public sealed class CheckoutVerifier(CheckoutClient client, CheckoutLedger ledger)
{
    private const int Attempts = 3;
    private const int Parallelism = 8;
    private const int MostExamples = 5;

    private readonly Tally _keys = new();
    private readonly Tally _settled = new();
    private readonly Tally _payments = new();
    private readonly Lock _gate = new();
    private readonly List<string> _examples = [];

    public async Task<CheckoutVerification> RunAsync(IReadOnlyList<CheckoutEntry> sample)
    {
        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (entry, _) => await VerifyAsync(entry));
        return new CheckoutVerification(sample.Count, _keys.Result(), _settled.Result(), _payments.Result(), [.. _examples]);
    }

    private async Task VerifyAsync(CheckoutEntry entry)
    {
        var orderId = entry.OrderId!;
        var replay = await WithRetriesAsync(() => client.PlaceOrderAsync(entry.ShopperTokens, entry.UserId, entry.PaymentToken, entry.IdempotencyKey));
        var orders = await WithRetriesAsync(() => client.ListUserOrdersAsync(entry.ShopperTokens, entry.UserId, pageSize: 5));
        if (replay.Reply is null || orders.Reply is null)
            _keys.Unreadable();
        else if (replay.Reply.OrderId != orderId || replay.Reply.Status != entry.Status)
            Mismatch(_keys, $"key {entry.IdempotencyKey}: first answered {orderId} {entry.Status}, replayed {replay.Reply.OrderId} {replay.Reply.Status}");
        else if (!ListsOnlyKnownOrders(orders.Reply, orderId, ledger.OrdersOf(entry.UserId), ledger.InDoubtOf(entry.UserId)))
            Mismatch(_keys, $"user {entry.UserId}: {orders.Reply.Total} order(s) listed, expected {ledger.OrdersOf(entry.UserId)} with {orderId} among them");
        else
            _keys.Match();

        var read = await WithRetriesAsync(() => client.GetOrderAsync(entry.ShopperTokens, orderId));
        if (read.Reply is not { } order)
            _settled.Unreadable();
        else if (order.Status != entry.Status || order.Total != entry.Total)
            Mismatch(_settled, $"order {orderId}: answered {entry.Status} {entry.Total}, reads {order.Status} {order.Total}");
        else
            _settled.Match();

        var payment = await WithRetriesAsync(() => client.GetPaymentAsync(entry.ShopperTokens, orderId));
        if (payment.Failure is { } failure && failure.StatusCode != 404)
            _payments.Unreadable();
        else if (PaymentMatches(entry, payment.Reply))
            _payments.Match();
        else
            Mismatch(_payments, $"order {orderId} {entry.Status} total {entry.Total}: payment {payment.Reply?.Status ?? "none"} {payment.Reply?.Amount}");
    }

    /// <summary>As many orders as answered (plus those in doubt at most); a single one must be this one.</summary>
    public static bool ListsOnlyKnownOrders(OrderListReply list, string orderId, int answered, int inDoubt) =>
        list.Total >= answered && list.Total <= answered + inDoubt
        && (list.Total != 1 || list.Orders is [{ } only] && only.OrderId == orderId);

    /// <summary>Confirmed: charged once, the order's total. Otherwise: never charged (no payment, or not a success).</summary>
    public static bool PaymentMatches(CheckoutEntry entry, PaymentReply? payment) => entry.Status == OrderStatus.Confirmed
        ? payment is { Status: PaymentStatus.Succeeded } && payment.OrderId == entry.OrderId && payment.Amount == entry.Total
        : payment is null || payment.Status != PaymentStatus.Succeeded;

    /// <summary>Repeats a read that failed for a reason other than a definite answer (404 is one).</summary>
    private static async Task<CallResult<T>> WithRetriesAsync<T>(Func<Task<CallResult<T>>> call)
        where T : class
    {
        var result = await call();
        for (var attempt = 1; attempt < Attempts && result.Failure is { } failure && failure.StatusCode != 404; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            result = await call();
        }
        return result;
    }

    private void Mismatch(Tally aspect, string example)
    {
        aspect.Mismatch();
        lock (_gate)
        {
            if (_examples.Count < MostExamples)
                _examples.Add(example);
        }
    }

    private sealed class Tally
    {
        private long _matched;
        private long _mismatched;
        private long _unreadable;

        public void Match() => Interlocked.Increment(ref _matched);

        public void Mismatch() => Interlocked.Increment(ref _mismatched);

        public void Unreadable() => Interlocked.Increment(ref _unreadable);

        public SampleCheck Result() => new(_matched + _mismatched, _mismatched, _unreadable);
    }
}

/// <summary>One aspect over the sample: orders whose answer could be compared, how many disagreed, how many could not be read.</summary>
public sealed record SampleCheck(long Checked, long Mismatched, long Unreadable)
{
    public bool Clean => Mismatched == 0 && Unreadable == 0;
}

/// <summary>What asking the server about the sampled orders showed; Examples holds the first few disagreements.</summary>
public sealed record CheckoutVerification(int Sampled, SampleCheck Keys, SampleCheck Settled, SampleCheck Payments, IReadOnlyList<string> Examples);
