using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Reporting;
using Xunit.Abstractions;

namespace K8Shop.LoadGen.Tests.EndToEnd;

/// <summary>The whole program, from its arguments to its exit code and JSON report, against the fake inventory server.</summary>
public sealed class LoadRunEndToEndTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8shop-loadgen-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task HotSkuClosedLoop_WithShedAndLostReplies_ReconcilesAndPassesWithCountsMatchingTheServer()
    {
        await using var server = await FakeInventoryServer.StartAsync(new FakeFaults { ShedEveryNthReserve = 37, LoseEveryNthReply = 23 });

        var (exitCode, report, output) = await RunAsync(server,
            "--scenario", "hot-sku", "--clients", "8", "--operations", "600", "--warmup", "0",
            "--setup-stock", "300", "--repeat-ratio", "0.1");

        Assert.Equal(0, exitCode);
        Assert.True(report.Passed, output);
        var sku = Assert.Single(report.Invariants);
        Assert.Equal("BOOK-001", sku.Sku);
        Assert.Equal(5, sku.Checks.Count);
        Assert.All(sku.Checks, check => Assert.True(check.Passed, $"{check.Name}: {check.Detail}"));
        AssertLedgerMatchesServer(report, server);
        // One client-credentials token for setup and every stock move: fetched once, cached, always sent.
        Assert.Equal(1, server.TokensIssued);
        Assert.Equal(0, server.Unauthorized);

        // With no warmup every request is measured, so the error counts are the server's own.
        Assert.Equal(600, report.Throughput.Operations);
        Assert.Equal(server.Shed, report.Errors.Http429);
        Assert.Equal(server.LostReplies, report.Errors.Http503);
        Assert.True(server.Shed > 0 && server.LostReplies > 0, "the faults should have fired");
        Assert.Equal(server.Grants, report.Outcomes.Granted + report.Reconciliation.ReservesGranted);
        Assert.True(report.Outcomes.Rejected > 0, "300 units for 600 orders should run out");
        Assert.True(report.Outcomes.RepeatsConfirmed > 0);
        Assert.Equal(0, report.Reconciliation.Unresolved);
        Assert.True(report.Reconciliation.InDoubt > 0);

        Assert.Contains("scenario hot-sku", output, StringComparison.Ordinal);
        Assert.Contains("PASS no oversell", output, StringComparison.Ordinal);
        Assert.Contains("Result: PASS", output, StringComparison.Ordinal);

        // Second by second, every operation, request and error of the run is in exactly one second.
        var series = report.Series!;
        Assert.Equal(0, series.LateSamples);
        Assert.Equal(600, series.Seconds.Sum(second => second.Operations));
        Assert.Equal(report.Throughput.Requests, series.Seconds.Sum(second => second.Requests));
        Assert.Equal(report.Errors.Total, series.Seconds.Sum(second => second.Errors));
        Assert.Equal(report.Errors.Http503, series.Seconds.Sum(second => second.ErrorsByKind.Http503));
        Assert.Equal(Enumerable.Range(0, series.Seconds.Count).Select(second => (long)second), series.Seconds.Select(second => second.ElapsedSeconds));
        // The fake has no fault API: said once, nothing recorded.
        Assert.Contains("404", report.Faults!.Unavailable, StringComparison.Ordinal);
        Assert.Empty(report.Faults.Windows);
    }

    [Fact]
    public async Task MixedOpenLoop_StartsExactlyRateTimesDurationAfterTheWarmup_AndPasses()
    {
        await using var server = await FakeInventoryServer.StartAsync(new FakeFaults { LoseEveryNthReply = 31 });

        var (exitCode, report, output) = await RunAsync(server,
            "--scenario", "mixed", "--skus", "40", "--rate", "400", "--duration", "1s", "--warmup", "300ms",
            "--setup-stock", "20", "--seed", "7");

        Assert.Equal(0, exitCode);
        Assert.True(report.Passed, output);
        Assert.Equal(40, report.Invariants.Count);
        Assert.All(report.Invariants.SelectMany(sku => sku.Checks), check => Assert.True(check.Passed, $"{check.Name}: {check.Detail}"));
        AssertLedgerMatchesServer(report, server);

        // Due times k/400 s in [0.3 s, 1.3 s) are exactly 400 operations, started or dropped; the warmup's are left out.
        Assert.Equal(400, report.Throughput.Operations + report.Outcomes.Dropped);
        Assert.Equal(120, report.Throughput.WarmupOperations);
        var hottest = report.Invariants.Single(sku => sku.Sku == "BOOK-001").Client.Orders;
        var coldest = report.Invariants.Single(sku => sku.Sku == "BOOK-040").Client.Orders;
        Assert.True(hottest > 5 * coldest, $"BOOK-001 had {hottest} orders, BOOK-040 {coldest}");
        Assert.Contains("open loop, 400 operations/s", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerThatOversells_FailsTheOversellCheck_WithExitCode1()
    {
        await using var server = await FakeInventoryServer.StartAsync(new FakeFaults { IgnoresStock = true });

        var (exitCode, report, output) = await RunAsync(server,
            "--scenario", "hot-sku", "--clients", "4", "--operations", "60", "--warmup", "0",
            "--setup-stock", "5", "--release-ratio", "0", "--commit-ratio", "0");

        Assert.Equal(1, exitCode);
        Assert.False(report.Passed);
        var oversell = report.Invariants.Single().Checks.Single(check => check.Name == InvariantChecker.NoOversell);
        Assert.False(oversell.Passed);
        Assert.Contains("granted 60 - released 0 = 60 > initial available 5", oversell.Detail, StringComparison.Ordinal);
        Assert.Contains("FAIL no oversell", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, LoadReport Report, string Output)> RunAsync(FakeInventoryServer server, params string[] scenarioArgs)
    {
        var json = Path.Combine(_directory, $"report-{Guid.NewGuid():N}.json");
        string[] args = [.. scenarioArgs, "--url", server.Url, "--client-id", FakeInventoryServer.ClientId, "--client-secret", FakeInventoryServer.ClientSecret, "--json", json];
        using var output = new StringWriter();
        using var diagnostics = new StringWriter();

        var exitCode = await LoadGenApp.RunAsync(args, output, diagnostics, progressInPlace: false, CancellationToken.None);
        log.WriteLine($"{output}{Environment.NewLine}stderr:{Environment.NewLine}{diagnostics}");

        Assert.True(File.Exists(json), $"no JSON report; stderr: {diagnostics}");
        var html = Path.ChangeExtension(json, ".html");
        Assert.True(File.Exists(html), "no HTML report next to the JSON one");
        Assert.Contains($"report: {html}", output.ToString(), StringComparison.Ordinal);
        return (exitCode, await JsonReport.ReadAsync(json), output.ToString());
    }

    private static void AssertLedgerMatchesServer(LoadReport report, FakeInventoryServer server)
    {
        var clients = report.Invariants.Select(sku => sku.Client).ToList();
        Assert.Equal(server.Grants, clients.Sum(client => client.Grants));
        Assert.Equal(server.GrantedUnits, clients.Sum(client => client.GrantedUnits));
        Assert.Equal(server.ReleasedUnits, clients.Sum(client => client.ReleasedUnits));
        Assert.Equal(server.CommittedUnits, clients.Sum(client => client.CommittedUnits));
    }
}
