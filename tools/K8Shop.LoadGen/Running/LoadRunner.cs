using System.Diagnostics;
using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Reporting;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>One run: baseline, load (with live progress), reconciliation of doubtful orders, final state, report.</summary>
public sealed class LoadRunner(LoadGenOptions options, IScenario scenario, TextWriter progress, bool progressInPlace)
{
    public async Task<LoadReport> RunAsync(CancellationToken stop)
    {
        using var http = InventoryHttp.CreateClient(options.Url, options.Concurrency, options.Timeout);
        var client = new InventoryClient(http, options.Timeout);
        var initial = await StockBaseline.PrepareAsync(client, scenario.Skus, options.SetupStock, options.AdminKey, stop);

        var ledger = new OrderLedger();
        var recorder = new RunRecorder();
        var run = new RunContext(client, ledger, recorder, OrderIds.ForNewRun(), options.TtlSeconds);
        var clock = new RunClock(Stopwatch.GetTimestamp(), options.Warmup, options.Duration, options.Operations);
        using (var progressStop = new CancellationTokenSource())
        {
            var reporter = new ProgressReporter(progress, progressInPlace, recorder, clock).RunAsync(progressStop.Token);
            try
            {
                await CreateDriver(run).RunAsync(clock, stop);
            }
            finally
            {
                await progressStop.CancelAsync();
                await reporter;
            }
        }
        var measuredEnd = Math.Max(recorder.Measured.LastCompletion, clock.MeasureStart);

        var reconciliation = await new Reconciler(client, ledger).RunAsync();
        var final = await StockBaseline.ReadFinalAsync(client, scenario.Skus);
        var tallies = ledger.Tally(scenario.Skus);
        return ReportBuilder.Build(options, scenario, recorder, Stopwatch.GetElapsedTime(clock.MeasureStart, measuredEnd), reconciliation, initial, final, tallies);
    }

    private ILoadDriver CreateDriver(RunContext run) => options.Mode switch
    {
        LoadMode.OpenLoop => new OpenLoopDriver(run, scenario, options.Rate, options.MaxInFlight, options.Seed),
        _ => new ClosedLoopDriver(run, scenario, options.Clients, options.Seed),
    };
}
