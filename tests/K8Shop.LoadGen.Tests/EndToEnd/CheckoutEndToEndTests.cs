using System.Net.Http.Json;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Reporting;
using Xunit.Abstractions;

namespace K8Shop.LoadGen.Tests.EndToEnd;

/// <summary>The checkout scenario, from its arguments to its exit code and JSON report, against the real embedded silo.</summary>
public sealed class CheckoutEndToEndTests(EmbeddedSilo silo, ITestOutputHelper log) : IClassFixture<EmbeddedSilo>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8shop-loadgen-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CheckoutClosedLoop_WithScarceStockDeclinesAndRepeats_PassesEveryCheck_AndMatchesTheServersStock()
    {
        var json = Path.Combine(_directory, "checkout.json");
        string[] args =
        [
            "--scenario", "checkout", "--clients", "4", "--operations", "80", "--warmup", "0", "--skus", "4", "--sku", "BOOK-003",
            "--setup-stock", "25", "--decline-ratio", "0.2", "--repeat-ratio", "0.25", "--verify-sample", "1000",
            "--url", silo.Url, "--client-id", "loadgen", "--client-secret", EmbeddedSilo.LoadGenSecret,
            "--admin-client-id", "operator", "--admin-client-secret", EmbeddedSilo.OperatorSecret, "--json", json,
        ];
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        var exitCode = await LoadGenApp.RunAsync(args, output, diagnostics, progressInPlace: false, CancellationToken.None);
        log.WriteLine($"{output}{Environment.NewLine}stderr:{Environment.NewLine}{diagnostics}");
        var report = await JsonReport.ReadAsync(json);

        Assert.Equal(0, exitCode);
        Assert.True(report.Passed, output.ToString());
        var checkout = Assert.IsType<CheckoutReport>(report.Checkout);
        var figures = checkout.Figures;
        // Every checkout adds at least one line, and the order always answers on a healthy silo.
        Assert.Equal(80, figures.Checkouts);
        Assert.Equal(80, figures.Confirmed + figures.Rejected + figures.PaymentFailed);
        Assert.True(figures.Confirmed > 0 && figures.Rejected > 0 && figures.PaymentFailed > 0, $"{figures}");
        Assert.True(figures.RepeatsConfirmed > 0);
        Assert.Equal(0, report.Errors.Total);
        Assert.Equal(["BOOK-003", "BOOK-001", "BOOK-002", "BOOK-004"], report.Invariants.Select(sku => sku.Sku));
        Assert.All(report.Invariants.SelectMany(sku => sku.Checks).Concat(checkout.Checks), check => Assert.True(check.Passed, $"{check.Name}: {check.Detail}"));
        Assert.Equal(80, checkout.Verification.Settled.Checked);
        Assert.Contains(report.Latency, row => row.Kind == "checkout" && row.Count == 80);

        // The ledger's units are the server's own: committed rose by exactly them on every SKU.
        using var http = new HttpClient { BaseAddress = new Uri(silo.Url) };
        foreach (var sku in report.Invariants)
        {
            var level = await http.GetFromJsonAsync<StockReading>($"/inventory/{sku.Sku}");
            Assert.Equal(sku.Initial!.Committed + sku.Client.CommittedUnits, level!.Committed);
        }
        Assert.Contains("scenario checkout", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("required: shopper accounts created before the load", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EmbeddedSilo.LoadGenSecret, output.ToString() + diagnostics, StringComparison.Ordinal);
        Assert.Contains($"PASS {CheckoutInvariantChecker.OneOrderPerKey}", output.ToString(), StringComparison.Ordinal);
    }

    private sealed record StockReading(long Committed);
}
