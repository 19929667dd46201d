using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Tests.Invariants;

public sealed class InvariantCheckerTests
{
    // 100 on hand with 10 reserved before the run: 90 available.
    private static readonly StockLevel Initial = Level(onHand: 100, reserved: 10);

    [Fact]
    public void ConsistentNumbers_PassEveryCheck()
    {
        // 60 granted, 15 released, 20 committed: 25 still held, 20 sold.
        var client = Tally(granted: 60, released: 15, committed: 20);

        var result = InvariantChecker.Check(Initial, Level(onHand: 80, reserved: 35), client);

        Assert.True(result.Passed);
        Assert.Equal(
            [InvariantChecker.NoOversell, InvariantChecker.ReservedMatches, InvariantChecker.OnHandMatches, InvariantChecker.AvailableMatches, InvariantChecker.NoDuplicateGrants],
            result.Checks.Select(check => check.Name));
        Assert.Equal("final 35 == initial 10 + outstanding 25 = 35", Detail(result, InvariantChecker.ReservedMatches));
        Assert.Equal("final 80 == initial 100 - committed 20 = 80", Detail(result, InvariantChecker.OnHandMatches));
        Assert.Equal("final 45 == initial 90 - outstanding 25 - committed 20 = 45", Detail(result, InvariantChecker.AvailableMatches));
    }

    [Fact]
    public void AllStockSold_ExactlyTheInitialAvailable_IsNotAnOversell()
    {
        var result = InvariantChecker.Check(Initial, Level(onHand: 10, reserved: 10), Tally(granted: 90, released: 0, committed: 90));

        Assert.True(result.Passed);
    }

    [Fact]
    public void Oversell_FailsEvenWhenTheServerArithmeticAddsUp()
    {
        // 100 granted against 90 available, none released: a server that ignores stock keeps its own sums straight.
        var result = InvariantChecker.Check(Initial, Level(onHand: 100, reserved: 110), Tally(granted: 100, released: 0, committed: 0));

        Assert.False(result.Passed);
        Assert.False(Check(result, InvariantChecker.NoOversell).Passed);
        Assert.Equal("granted 100 - released 0 = 100 > initial available 90; final available -10 < 0", Detail(result, InvariantChecker.NoOversell));
        Assert.True(Check(result, InvariantChecker.ReservedMatches).Passed);
    }

    [Fact]
    public void DuplicateGrant_Fails()
    {
        var result = InvariantChecker.Check(Initial, Level(onHand: 100, reserved: 15), Tally(granted: 5, released: 0, committed: 0) with { DuplicateGrants = 1 });

        Assert.False(result.Passed);
        Assert.False(Check(result, InvariantChecker.NoDuplicateGrants).Passed);
        Assert.Contains("1 granted more than once", Detail(result, InvariantChecker.NoDuplicateGrants), StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedReserveThatTookMoreStock_FailsTheReservedCheck()
    {
        // The client holds 5; the server double-counted a repeated reserve and holds 6.
        var result = InvariantChecker.Check(Initial, Level(onHand: 100, reserved: 16), Tally(granted: 5, released: 0, committed: 0));

        Assert.False(Check(result, InvariantChecker.ReservedMatches).Passed);
        Assert.Equal("final 16 != initial 10 + outstanding 5 = 15", Detail(result, InvariantChecker.ReservedMatches));
        Assert.False(Check(result, InvariantChecker.AvailableMatches).Passed);
    }

    [Fact]
    public void LostCommit_FailsTheOnHandCheck()
    {
        var result = InvariantChecker.Check(Initial, Level(onHand: 100, reserved: 10), Tally(granted: 3, released: 0, committed: 3));

        Assert.False(Check(result, InvariantChecker.OnHandMatches).Passed);
    }

    [Fact]
    public void OrdersStillInDoubt_MakeTheStockChecksFail()
    {
        var result = InvariantChecker.Check(Initial, Level(onHand: 100, reserved: 15), Tally(granted: 5, released: 0, committed: 0) with { InDoubt = 2 });

        Assert.False(Check(result, InvariantChecker.ReservedMatches).Passed);
        Assert.StartsWith("2 order(s) still in doubt", Detail(result, InvariantChecker.ReservedMatches), StringComparison.Ordinal);
        Assert.True(Check(result, InvariantChecker.NoDuplicateGrants).Passed);
    }

    [Fact]
    public void Ledger_CountsAGrantOnce_AndASecondGrantOfTheSameOrderIdAsADuplicate()
    {
        var ledger = new OrderLedger();
        ledger.Open("o-1", "BOOK-001", 2).Granted();
        ledger.Open("o-2", "BOOK-001", 1).Granted();
        ledger["o-2"].Committed();
        // The same id opened again (as two clients colliding would) and granted again.
        ledger.Open("o-1", "BOOK-001", 2).Granted();

        var tally = ledger.Tally(["BOOK-001"])["BOOK-001"];

        Assert.Equal((2L, 3L, 1L, 1L), (tally.Grants, tally.GrantedUnits, tally.CommittedUnits, tally.DuplicateGrants));
        Assert.False(InvariantChecker.Check(Level(10, 0), Level(9, 2), tally).Passed);
    }

    private static InvariantCheck Check(SkuInvariants result, string name) => result.Checks.Single(check => check.Name == name);

    private static string Detail(SkuInvariants result, string name) => Check(result, name).Detail;

    private static StockLevel Level(int onHand, int reserved) =>
        new("BOOK-001", onHand, reserved, onHand - reserved, 0, 5, false, "2025-01-01T00:00:00Z");

    private static SkuTally Tally(long granted, long released, long committed) =>
        SkuTally.Empty("BOOK-001") with { Orders = granted, Grants = granted, GrantedUnits = granted, ReleasedUnits = released, CommittedUnits = committed };
}
