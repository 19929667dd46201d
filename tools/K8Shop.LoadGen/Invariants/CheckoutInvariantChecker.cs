using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Invariants;

/// <summary>
/// The checkout scenario's checks. Per SKU, with U the units in the run's confirmed orders (every order settled,
/// so none holds stock): committed rose by exactly U, on hand fell by U, reserved is back where it was, and U never
/// exceeded the available stock the run started with. Over the orders: one order per Idempotency-Key, every order
/// settled, and a confirmed order's payment is one success for its total. Orders still in doubt make a SKU's
/// stock checks unprovable, so they fail.
/// </summary>
public static class CheckoutInvariantChecker
{
    public const string NoOversell = "no oversell";
    public const string CommittedMatches = "committed";
    public const string OnHandMatches = "on hand";
    public const string ReservedReturned = "reserved";
    public const string OneOrderPerKey = "one order per key";
    public const string OrdersSettled = "orders settled";
    public const string PaymentsMatch = "payments";

    public static SkuInvariants Check(StockLevel initial, StockLevel final, SkuTally sales)
    {
        var units = sales.CommittedUnits;
        var doubt = sales.InDoubt == 0 ? "" : $"{sales.InDoubt} order(s) still in doubt, so unprovable; ";
        var clean = sales.InDoubt == 0;
        var expectedCommitted = (long)initial.Committed + units;
        var expectedOnHand = initial.OnHand - units;
        InvariantCheck[] checks =
        [
            new(NoOversell, clean && units <= initial.Available && final.Available >= 0,
                $"{doubt}confirmed {units} unit(s) {(units <= initial.Available ? "<=" : ">")} initial available {initial.Available}; final available {final.Available} {(final.Available >= 0 ? ">=" : "<")} 0"),
            new(CommittedMatches, clean && final.Committed == expectedCommitted,
                $"{doubt}final {final.Committed} {Equal(final.Committed, expectedCommitted)} initial {initial.Committed} + confirmed {units} = {expectedCommitted}"),
            new(OnHandMatches, clean && final.OnHand == expectedOnHand,
                $"{doubt}final {final.OnHand} {Equal(final.OnHand, expectedOnHand)} initial {initial.OnHand} - confirmed {units} = {expectedOnHand}"),
            new(ReservedReturned, clean && final.Reserved == initial.Reserved,
                $"{doubt}final {final.Reserved} {Equal(final.Reserved, initial.Reserved)} initial {initial.Reserved} (settled orders hold nothing)"),
        ];
        return new SkuInvariants(sales.Sku, initial, final, sales, checks);
    }

    public static IReadOnlyList<InvariantCheck> Orders(
        long settledOrders, long repeatMismatches, CheckoutReconciliation reconciliation, CheckoutVerification verification)
    {
        var (keys, settled, payments) = (verification.Keys, verification.Settled, verification.Payments);
        return
        [
            new(OneOrderPerKey, repeatMismatches == 0 && keys.Clean,
                $"{repeatMismatches} in-load repeat(s) answered with another order or status; of {keys.Checked} sampled key(s), {keys.Mismatched} replayed to another order or status or left their shopper with other than that one order{Unreadable(keys)}"),
            new(OrdersSettled, reconciliation.Unresolved == 0 && settled.Clean,
                $"{settledOrders} order(s) settled (confirmed, rejected or payment_failed), {reconciliation.Unresolved} still in doubt after reconciliation; of {settled.Checked} sampled, GET /orders/{{id}} disagreed with the answer on {settled.Mismatched}{Unreadable(settled)}"),
            new(PaymentsMatch, payments.Clean,
                $"of {payments.Checked} sampled order(s), {payments.Mismatched} without exactly one payment.succeeded for the total when confirmed, or charged when not{Unreadable(payments)}"),
        ];
    }

    private static string Unreadable(SampleCheck check) => check.Unreadable == 0 ? "" : $"; {check.Unreadable} could not be read, so unproven";

    private static string Equal(long actual, long expected) => actual == expected ? "==" : "!=";
}
