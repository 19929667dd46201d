using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Tests.Ledger;

public sealed class CheckoutLedgerTests
{
    [Fact]
    public void Tally_CountsUnitsOfConfirmedOrdersOnly_FromTheServersLines()
    {
        var ledger = new CheckoutLedger(sampleSize: 10, seed: 1);
        // The cart asked for 1 of BOOK-001; the server's reply (2, merged adds) is what counts.
        ledger.Answered(Answered("k1", OrderStatus.Confirmed, [new("BOOK-001", 1)], [("BOOK-001", 2), ("BOOK-002", 1)]));
        ledger.Answered(Answered("k2", OrderStatus.Rejected, [new("BOOK-001", 5)], [("BOOK-001", 5)]));
        ledger.Answered(Answered("k3", OrderStatus.PaymentFailed, [new("BOOK-002", 1)], [("BOOK-002", 1)]));
        ledger.Answered(Answered("k4", OrderStatus.Confirmed, [new("BOOK-001", 1)], [("BOOK-001", 1)]));

        var tally = ledger.Tally(["BOOK-001", "BOOK-002", "BOOK-003"]);

        Assert.Equal((3L, 2L, 3L, 3L, 0L), (tally["BOOK-001"].Orders, tally["BOOK-001"].Grants, tally["BOOK-001"].GrantedUnits, tally["BOOK-001"].CommittedUnits, tally["BOOK-001"].OutstandingUnits));
        Assert.Equal((2L, 1L, 1L), (tally["BOOK-002"].Orders, tally["BOOK-002"].Grants, tally["BOOK-002"].CommittedUnits));
        Assert.Equal(SkuTally.Empty("BOOK-003"), tally["BOOK-003"]);
        Assert.Equal(4, ledger.SettledOrders);
        Assert.Equal(4, ledger.Sample.Snapshot().Count);
    }

    [Fact]
    public void OrdersInDoubt_MarkEverySkuTheyMayTouch_UntilSettledOrFoundNotPlaced()
    {
        var ledger = new CheckoutLedger(sampleSize: 10, seed: 1);
        var lost = new CheckoutEntry("u1", "k1", null, [new("BOOK-001", 1), new("BOOK-002", 2)]);
        var refused = new CheckoutEntry("u2", "k2", null, [new("BOOK-003", 1)]);
        var unsettled = Answered("k3", "paid", [new("BOOK-004", 1)], [("BOOK-004", 1)]);
        ledger.InDoubt(lost);
        ledger.InDoubt(refused);
        ledger.Answered(unsettled);

        var during = ledger.Tally(["BOOK-001", "BOOK-002", "BOOK-003", "BOOK-004"]);
        Assert.Equal([1L, 1L, 1L, 1L], during.Values.Select(sku => sku.InDoubt));
        Assert.Equal(3, ledger.InDoubtEntries().Count);
        Assert.Equal(0, ledger.SettledOrders);

        lost.Answered(Reply("k1", OrderStatus.Confirmed, [("BOOK-001", 1), ("BOOK-002", 2)]));
        ledger.Answered(lost);
        ledger.NotPlaced(refused);
        var after = ledger.Tally(["BOOK-001", "BOOK-002", "BOOK-003", "BOOK-004"]);

        Assert.Equal([0L, 0L, 0L, 1L], after.Values.Select(sku => sku.InDoubt));
        Assert.Equal(2, after["BOOK-002"].CommittedUnits);
        Assert.Equal(["k3"], ledger.InDoubtEntries().Select(entry => entry.IdempotencyKey));
    }

    [Fact]
    public void Sample_StaysAtItsCapacity_AndDrawsFromTheWholeRun()
    {
        var sample = new CheckoutSample(capacity: 100, seed: 5);
        for (var i = 0; i < 10_000; i++)
            sample.Offer(Answered($"k{i}", OrderStatus.Confirmed, [new("BOOK-001", 1)], [("BOOK-001", 1)]));

        var kept = sample.Snapshot();

        Assert.Equal(100, kept.Count);
        Assert.Equal(10_000, sample.Offered);
        Assert.Equal(100, kept.Select(entry => entry.IdempotencyKey).Distinct().Count());
        // Uniform over the run: about half from each half, not the first hundred.
        var late = kept.Count(entry => int.Parse(entry.IdempotencyKey[1..], System.Globalization.CultureInfo.InvariantCulture) >= 5_000);
        Assert.InRange(late, 30, 70);
    }

    [Fact]
    public void Sample_OfZero_KeepsNothing()
    {
        var ledger = new CheckoutLedger(sampleSize: 0, seed: 1);
        ledger.Answered(Answered("k1", OrderStatus.Confirmed, [new("BOOK-001", 1)], [("BOOK-001", 1)]));

        Assert.Empty(ledger.Sample.Snapshot());
        Assert.Equal(1, ledger.SettledOrders);
    }

    internal static CheckoutEntry Answered(string key, string status, CartLine[] cart, (string Sku, int Quantity)[] lines)
    {
        var entry = new CheckoutEntry("user-" + key, key, null, cart);
        entry.Answered(Reply(key, status, lines));
        return entry;
    }

    internal static OrderReply Reply(string key, string status, (string Sku, int Quantity)[] lines) => new(
        "order-" + key, status, lines.Sum(line => line.Quantity * 10m), lines.Sum(line => line.Quantity),
        [.. lines.Select(line => new OrderLineReply(line.Sku, line.Quantity, 10m, line.Quantity * 10m))], null, "user-" + key, null);
}
