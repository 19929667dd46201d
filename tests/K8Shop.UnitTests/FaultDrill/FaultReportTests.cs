using K8Shop.FaultDrill;

namespace K8Shop.UnitTests.FaultDrill;

public sealed class FaultReportTests
{
    private static readonly FaultDrillOptions Options = new() { GatewayUrl = new Uri("http://127.0.0.1:1/"), AdminClient = new K8Shop.Tools.Auth.ClientCredentials("operator", "k"), RunId = "run" };
    private static readonly DateTimeOffset Kill = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Percentile_IsTheNearestRankOfTheSortedValues()
    {
        var sorted = Enumerable.Range(1, 200).Select(i => TimeSpan.FromMilliseconds(i)).ToList();

        Assert.Equal(
            (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(198), TimeSpan.FromMilliseconds(200)),
            (FaultReport.Percentile(sorted, 50), FaultReport.Percentile(sorted, 90), FaultReport.Percentile(sorted, 99), FaultReport.Percentile(sorted, 100)));
        Assert.Equal(TimeSpan.Zero, FaultReport.Percentile([], 50));
    }

    [Fact]
    public void HitByTheKill_HoldsCheckoutsWithAFailureAfterTheKill_AndTimesThemFromTheKill()
    {
        var before = Record(0, failedAt: Kill.AddSeconds(-1), acknowledgedAt: Kill.AddSeconds(-0.5));
        var hit = Record(1, failedAt: Kill.AddSeconds(2), acknowledgedAt: Kill.AddSeconds(4));
        var untouched = Record(2, failedAt: null, acknowledgedAt: Kill.AddSeconds(1));
        var report = new FaultReport { KillIssuedAt = Kill, KilledAt = Kill.AddSeconds(1), Records = [before, hit, untouched] };

        Assert.Equal([hit], report.HitByTheKill);
        Assert.Equal([TimeSpan.FromSeconds(4)], report.TimeToSuccessAfterKill);
    }

    [Fact]
    public void OwnedByTheTarget_HoldsTheTargetsOrdersStillOpenAtTheKill()
    {
        var doneBefore = Record(0, failedAt: null, acknowledgedAt: Kill.AddSeconds(-1));
        var open = Record(1, failedAt: Kill.AddSeconds(1), acknowledgedAt: Kill.AddSeconds(15));
        var elsewhere = Record(2, failedAt: null, acknowledgedAt: Kill.AddSeconds(1));
        var report = new FaultReport
        {
            KillIssuedAt = Kill,
            Records = [doneBefore, open, elsewhere],
            OrdersOnTarget = new HashSet<string> { doneBefore.Plan.OrderId, open.Plan.OrderId },
        };

        Assert.Equal([open], report.OwnedByTheTarget);
        Assert.Contains("of which 1 not yet acknowledged", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_IsFalseWhenAnyInvariantHasAViolationOrOrdersDidNotSettle()
    {
        var clean = new FaultReport { SettledAfterRestart = TimeSpan.FromSeconds(5) };

        Assert.True(clean.Passed);
        Assert.False((clean with { Lost = ["k: acknowledged confirmed, not stored"] }).Passed);
        Assert.False((clean with { DuplicateOrders = ["u: order x listed 2 times"] }).Passed);
        Assert.False((clean with { PaymentProblems = ["x: confirmed without a payment"] }).Passed);
        Assert.False((clean with { Oversell = ["BOOK-001: committed 71 of 70"] }).Passed);
        Assert.False((clean with { Unacknowledged = 1 }).Passed);
        Assert.False((clean with { SettledAfterRestart = null, NotFinal = 1 }).Passed);
    }

    [Fact]
    public void CheckoutPlans_AskForMoreUnitsThanTheStock_SoSomeMustBeRefused()
    {
        var plans = Enumerable.Range(0, Options.Checkouts).Select(i => CheckoutPlan.For(i, Options)).ToList();

        var asked = plans.SelectMany(p => p.Lines).Sum(l => l.Qty);
        Assert.True(asked > Options.StockPerSku * Options.Skus.Count * 3 / 2, $"{asked} units asked");
        Assert.Equal(plans.Count, plans.Select(p => p.Key).Distinct().Count());
        Assert.Equal(Options.Checkouts / Options.DeclineEvery, plans.Count(p => p.PaymentToken == CheckoutPlan.DecliningToken));
        var again = CheckoutPlan.For(7, Options);
        Assert.Equal((plans[7].Key, plans[7].UserId, plans[7].PaymentToken), (again.Key, again.UserId, again.PaymentToken));
        Assert.Equal(plans[7].Lines, again.Lines);
    }

    [Fact]
    public void CheckoutPlans_WithAccounts_BelongToTheAccountsInTurn()
    {
        string[] accounts = [.. Enumerable.Range(0, Options.Users).Select(i => $"{i:x32}")];

        var plans = Enumerable.Range(0, Options.Users * 2).Select(i => CheckoutPlan.For(i, Options, accounts)).ToList();

        Assert.Equal([.. accounts, .. accounts], plans.Select(p => p.UserId));
        // The gateway scopes a shopper's key to its token's subject: the order id follows the account, not the key alone.
        Assert.Equal(K8Shop.Contracts.Orders.OrderIds.FromIdempotencyKey($"{accounts[3]}\n{plans[3].Key}"), plans[3].OrderId);
        Assert.NotEqual(CheckoutPlan.For(3, Options).OrderId, plans[3].OrderId);
    }

    private static CheckoutRecord Record(int index, DateTimeOffset? failedAt, DateTimeOffset acknowledgedAt)
    {
        var record = new CheckoutRecord(CheckoutPlan.For(index, Options)) { Started = Kill.AddSeconds(-2), AcknowledgedAt = acknowledgedAt };
        if (failedAt is { } at)
            record.AddFailure(at, "HTTP 503");
        return record;
    }
}
