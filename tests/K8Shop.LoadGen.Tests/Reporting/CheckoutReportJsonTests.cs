using System.Text.Json;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Reporting;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Tests.Reporting;

public sealed class CheckoutReportJsonTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"k8shop-loadgen-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task CheckoutReport_IsWrittenInSnakeCase_UnderCheckout_AndReadsBack()
    {
        var report = Report(new InvariantCheck(CheckoutInvariantChecker.PaymentsMatch, true, "of 10 sampled order(s), 0 without ..."));

        await JsonReport.WriteAsync(_path, report);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_path));
        var root = json.RootElement;

        Assert.True(root.GetProperty("passed").GetBoolean());
        var settings = root.GetProperty("settings");
        Assert.Equal("checkout", settings.GetProperty("scenario").GetString());
        Assert.Equal("BOOK-001", settings.GetProperty("hot_sku").GetString());
        Assert.Equal(3, settings.GetProperty("order_retries").GetInt32());
        Assert.Equal(10, settings.GetProperty("verify_sample").GetInt32());
        var figures = root.GetProperty("checkout").GetProperty("figures");
        Assert.Equal(
            ["checkouts", "checkouts_per_second", "confirmed", "confirmed_per_second", "rejected", "payment_failed", "other", "unanswered", "abandoned", "order_retries", "repeats_confirmed"],
            figures.EnumerateObject().Select(property => property.Name));
        Assert.Equal(412.5, figures.GetProperty("checkouts_per_second").GetDouble());
        Assert.Equal(2, root.GetProperty("checkout").GetProperty("reconciliation").GetProperty("in_doubt").GetInt32());
        Assert.Equal(1, root.GetProperty("checkout").GetProperty("verification").GetProperty("payments").GetProperty("mismatched").GetInt32());
        var check = root.GetProperty("checkout").GetProperty("checks")[0];
        Assert.Equal("payments", check.GetProperty("name").GetString());
        var latency = root.GetProperty("latency").EnumerateArray().Select(row => row.GetProperty("kind").GetString());
        Assert.Equal(["order", "checkout"], latency);

        var read = await JsonReport.ReadAsync(_path);
        Assert.Equal(report.Checkout!.Figures, read.Checkout!.Figures);
        Assert.Equal(report.Checkout.Reconciliation, read.Checkout.Reconciliation);
        Assert.True(read.Passed);
    }

    [Fact]
    public void FailedOrderCheck_FailsTheReport_EvenWithEverySkuPassing()
    {
        var report = Report(new InvariantCheck(CheckoutInvariantChecker.OneOrderPerKey, false, "1 in-load repeat(s) ..."));

        Assert.All(report.Invariants, sku => Assert.True(sku.Passed));
        Assert.False(report.Passed);
        using var text = new StringWriter();
        TextReport.Write(text, report);
        Assert.Contains("FAIL one order per key: 1 in-load repeat(s) ...", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("Result: FAIL, 0 of 1 SKU(s) broke an invariant, 1 of 1 order check(s) failed (exit 1)", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("checkouts             165      412.5/s", text.ToString(), StringComparison.Ordinal);
    }

    private static LoadReport Report(InvariantCheck orderCheck)
    {
        var settings = new RunSettings("checkout", "a fresh shopper per checkout", "closed-loop", "http://127.0.0.1:8080/", 8, null, null,
            0, 0.4, null, 42, 0.2, 0.3, 0, 3600, 1000, "BOOK-001", 3, 10, 0);
        var throughput = new Throughput(0.4, 12, 165, 500, 0, 412.5, 1250, 0);
        var outcomes = new OutcomeCounts(0, 0, 0, 0, 0, 0, 0, 0);
        LatencySummary[] latency = [new("order", 165, 3.1, 5.2, 9.8, 12.0, 12.0), new("checkout", 165, 6.0, 9.1, 15.5, 20.0, 20.0)];
        var errors = new ErrorCounts(0, 0, 0, 0, 0, 0, new Dictionary<string, long>());
        var sku = CheckoutInvariantChecker.Check(
            new("BOOK-001", 100, 0, 100, 0, 5, false, null), new("BOOK-001", 90, 0, 90, 10, 5, false, null),
            SkuTally.Empty("BOOK-001") with { Orders = 6, Grants = 6, GrantedUnits = 10, CommittedUnits = 10 });
        var checkout = new CheckoutReport(
            new CheckoutFigures(165, 412.5, 160, 400, 4, 1, 0, 0, 0, 2, 0),
            new CheckoutReconciliation(2, 2, 0, 0),
            new CheckoutVerification(10, new(10, 0, 0), new(10, 0, 0), new(10, 1, 0), ["order x"]),
            [orderCheck]);
        return new LoadReport(settings, throughput, outcomes, latency, errors, new ReconciliationSummary(0, 0, 0, 0, 0), [sku], checkout);
    }
}
