using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Running;
using K8Shop.LoadGen.Tests.Ledger;

namespace K8Shop.LoadGen.Tests.Invariants;

public sealed class CheckoutInvariantCheckerTests
{
    // 100 on hand, 4 reserved by someone else, 30 committed before the run.
    private static readonly StockLevel Initial = Level(onHand: 100, reserved: 4, committed: 30);

    private static readonly SampleCheck CleanSample = new(10, 0, 0);

    [Fact]
    public void ConfirmedUnitsMatchingTheCommittedIncrease_PassEveryCheck()
    {
        var result = CheckoutInvariantChecker.Check(Initial, Level(onHand: 88, reserved: 4, committed: 42), Sold(12));

        Assert.True(result.Passed);
        Assert.Equal(
            [CheckoutInvariantChecker.NoOversell, CheckoutInvariantChecker.CommittedMatches, CheckoutInvariantChecker.OnHandMatches, CheckoutInvariantChecker.ReservedReturned],
            result.Checks.Select(check => check.Name));
        Assert.Equal("final 42 == initial 30 + confirmed 12 = 42", Detail(result, CheckoutInvariantChecker.CommittedMatches));
        Assert.Equal("confirmed 12 unit(s) <= initial available 96; final available 84 >= 0", Detail(result, CheckoutInvariantChecker.NoOversell));
    }

    [Fact]
    public void ServerCommittingMoreThanTheConfirmedOrders_FailsCommittedAndOnHand()
    {
        var result = CheckoutInvariantChecker.Check(Initial, Level(onHand: 87, reserved: 4, committed: 43), Sold(12));

        Assert.False(Check(result, CheckoutInvariantChecker.CommittedMatches).Passed);
        Assert.Equal("final 43 != initial 30 + confirmed 12 = 42", Detail(result, CheckoutInvariantChecker.CommittedMatches));
        Assert.False(Check(result, CheckoutInvariantChecker.OnHandMatches).Passed);
        Assert.True(Check(result, CheckoutInvariantChecker.ReservedReturned).Passed);
    }

    [Fact]
    public void ConfirmingMoreThanWasAvailable_IsAnOversell()
    {
        var result = CheckoutInvariantChecker.Check(Initial, Level(onHand: -4, reserved: 4, committed: 134), Sold(104));

        Assert.False(Check(result, CheckoutInvariantChecker.NoOversell).Passed);
        Assert.Equal("confirmed 104 unit(s) > initial available 96; final available -8 < 0", Detail(result, CheckoutInvariantChecker.NoOversell));
    }

    [Fact]
    public void ReservationLeftBehindBySettledOrders_FailsTheReservedCheck()
    {
        var result = CheckoutInvariantChecker.Check(Initial, Level(onHand: 100, reserved: 6, committed: 30), Sold(0));

        Assert.False(Check(result, CheckoutInvariantChecker.ReservedReturned).Passed);
        Assert.True(Check(result, CheckoutInvariantChecker.CommittedMatches).Passed);
    }

    [Fact]
    public void OrdersStillInDoubt_MakeTheStockChecksUnprovable()
    {
        var result = CheckoutInvariantChecker.Check(Initial, Level(onHand: 88, reserved: 4, committed: 42), Sold(12) with { InDoubt = 1 });

        Assert.All(result.Checks, check => Assert.False(check.Passed));
        Assert.StartsWith("1 order(s) still in doubt, so unprovable", Detail(result, CheckoutInvariantChecker.CommittedMatches), StringComparison.Ordinal);
    }

    [Fact]
    public void OrderChecks_PassWhenNothingDisagrees()
    {
        var checks = CheckoutInvariantChecker.Orders(500, 0, new CheckoutReconciliation(3, 3, 0, 0), Verification(CleanSample, CleanSample, CleanSample));

        Assert.Equal([CheckoutInvariantChecker.OneOrderPerKey, CheckoutInvariantChecker.OrdersSettled, CheckoutInvariantChecker.PaymentsMatch], checks.Select(check => check.Name));
        Assert.All(checks, check => Assert.True(check.Passed, check.Detail));
    }

    [Fact]
    public void RepeatAnsweredWithAnotherOrder_FailsOneOrderPerKey()
    {
        var checks = CheckoutInvariantChecker.Orders(500, 1, new CheckoutReconciliation(0, 0, 0, 0), Verification(CleanSample, CleanSample, CleanSample));

        Assert.False(Check(checks, CheckoutInvariantChecker.OneOrderPerKey).Passed);
        Assert.StartsWith("1 in-load repeat(s) answered with another order", Check(checks, CheckoutInvariantChecker.OneOrderPerKey).Detail, StringComparison.Ordinal);
        Assert.True(Check(checks, CheckoutInvariantChecker.OrdersSettled).Passed);
    }

    [Fact]
    public void UnresolvedOrders_OrUnreadableSamples_FailTheirChecks()
    {
        var checks = CheckoutInvariantChecker.Orders(
            500, 0, new CheckoutReconciliation(4, 2, 0, 2), Verification(CleanSample, CleanSample, new SampleCheck(9, 0, 1)));

        Assert.False(Check(checks, CheckoutInvariantChecker.OrdersSettled).Passed);
        Assert.Contains("2 still in doubt after reconciliation", Check(checks, CheckoutInvariantChecker.OrdersSettled).Detail, StringComparison.Ordinal);
        Assert.False(Check(checks, CheckoutInvariantChecker.PaymentsMatch).Passed);
        Assert.EndsWith("1 could not be read, so unproven", Check(checks, CheckoutInvariantChecker.PaymentsMatch).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.Confirmed, PaymentStatus.Succeeded, 20.0, true)]
    [InlineData(OrderStatus.Confirmed, PaymentStatus.Succeeded, 19.99, false)]
    [InlineData(OrderStatus.Confirmed, PaymentStatus.Failed, 20.0, false)]
    [InlineData(OrderStatus.Confirmed, null, 0, false)]
    [InlineData(OrderStatus.Rejected, null, 0, true)]
    [InlineData(OrderStatus.Rejected, PaymentStatus.Succeeded, 20.0, false)]
    [InlineData(OrderStatus.PaymentFailed, PaymentStatus.Failed, 20.0, true)]
    public void Payment_OfAConfirmedOrderIsOneSuccessForItsTotal_AndOfAnyOtherIsNoCharge(string status, string? paymentStatus, double amount, bool matches)
    {
        var entry = CheckoutLedgerTests.Answered("k1", status, [new("BOOK-001", 2)], [("BOOK-001", 2)]);
        var payment = paymentStatus is null ? null : new PaymentReply(entry.OrderId!, paymentStatus, (decimal)amount);

        Assert.Equal(matches, CheckoutVerifier.PaymentMatches(entry, payment));
    }

    private static CheckoutVerification Verification(SampleCheck keys, SampleCheck settled, SampleCheck payments) => new(10, keys, settled, payments, []);

    private static InvariantCheck Check(SkuInvariants result, string name) => Check(result.Checks, name);

    private static InvariantCheck Check(IReadOnlyList<InvariantCheck> checks, string name) => checks.Single(check => check.Name == name);

    private static string Detail(SkuInvariants result, string name) => Check(result, name).Detail;

    private static StockLevel Level(int onHand, int reserved, int committed) =>
        new("BOOK-001", onHand, reserved, onHand - reserved, committed, 5, false, "2025-01-01T00:00:00Z");

    private static SkuTally Sold(long units) =>
        SkuTally.Empty("BOOK-001") with { Orders = units, Grants = units, GrantedUnits = units, CommittedUnits = units };
}
