using System.Diagnostics;
using K8Shop.LoadGen.Auth;
using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Events;
using K8Shop.LoadGen.Faults;
using K8Shop.LoadGen.Http;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Reporting;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Running;

/// <summary>One run: baseline, load (with live progress), reconciliation of doubtful orders, final state (and, for checkout, the sampled orders), report.</summary>
public sealed class LoadRunner(LoadGenOptions options, IScenario scenario, TextWriter progress, bool progressInPlace)
{
    private bool IsCheckout => scenario is CheckoutScenario;

    public async Task<LoadReport> RunAsync(CancellationToken stop)
    {
        var orderIds = OrderIds.ForNewRun();
        // Tokens and shopper accounts first: creating accounts is setup, not load.
        using var auth = await RunAuth.PrepareAsync(options, IsCheckout, orderIds.RunTag, progress, stop);
        using var http = GatewayHttp.CreateClient(options.Url, options.Concurrency, options.Timeout);
        var client = new InventoryClient(http, options.Timeout, auth.Machine);
        var checkout = new CheckoutClient(http, options.Timeout);
        var initial = await StockBaseline.PrepareAsync(client, scenario.Skus, options.SetupStock, auth.Admin, stop);

        var ledger = new OrderLedger();
        var checkoutLedger = new CheckoutLedger(options.VerifySample, options.Seed);
        await using var events = options.Events is { } watch ? await EventWatchSession.StartAsync(watch, orderIds.RunTag, stop) : null;
        await using var faults = await FaultSession.PrepareAsync(options, auth.Faults, progress, stop);
        var clock = new RunClock(Stopwatch.GetTimestamp(), options.Warmup, options.Duration, options.Operations);
        var times = new RunTimes(clock.Start, DateTimeOffset.UtcNow, options.Warmup.TotalSeconds);
        var series = new TimeSeriesRecorder(clock.Start);
        var recorder = new RunRecorder(series, IsCheckout);
        var run = new RunContext(client, checkout, ledger, checkoutLedger, recorder, orderIds, options.TtlSeconds, options.OrderRetries,
            auth.Shoppers, options.Timeout);
        events?.LoadStarted(clock.Start);
        faults?.Start(series, clock, options, progress);
        using (var progressStop = new CancellationTokenSource())
        {
            var reporter = new ProgressReporter(progress, progressInPlace, recorder, clock, IsCheckout).RunAsync(progressStop.Token);
            var closer = series.CloseAsTimeGoesAsync(progressStop.Token);
            try
            {
                await CreateDriver(run).RunAsync(clock, stop);
            }
            finally
            {
                // Faults off before anything is reconciled or checked: the checks are about a shop that works again.
                if (faults is not null)
                    await faults.StopAsync();
                await progressStop.CancelAsync();
                await Task.WhenAll(reporter, closer);
            }
        }
        var loadEnd = Stopwatch.GetTimestamp();
        var report = await ReportAsync(run, clock, initial, events);
        var timeline = SeriesReportBuilder.Timeline(times, faults?.Watcher, faults?.Chaos, loadEnd);
        return report with
        {
            Series = SeriesReportBuilder.Series(series.Finish(loadEnd), times, series.LateSamples, IsCheckout, timeline),
            Faults = SeriesReportBuilder.Faults(auth.FaultsUnavailable, faults?.Watcher, faults?.Chaos, options.Chaos, faults?.ChaosFaults ?? [], timeline, times),
        };
    }

    private async Task<LoadReport> ReportAsync(RunContext run, RunClock clock, IReadOnlyDictionary<string, StockLevel> initial, EventWatchSession? events)
    {
        var (client, checkout, ledger, checkoutLedger, recorder) = (run.Client, run.Checkout, run.Ledger, run.CheckoutLedger, run.Recorder);
        if (events is not null)
            await events.LoadEndedAsync();
        var measuredEnd = Math.Max(recorder.Measured.LastCompletion, clock.MeasureStart);
        var window = Stopwatch.GetElapsedTime(clock.MeasureStart, measuredEnd);

        if (!IsCheckout)
        {
            var reconciliation = await new Reconciler(client, ledger).RunAsync();
            var final = await StockBaseline.ReadFinalAsync(client, scenario.Skus);
            return ReportBuilder.Build(options, scenario, recorder, window, reconciliation, initial, final, ledger.Tally(scenario.Skus));
        }

        var settlement = await new CheckoutReconciler(checkout, checkoutLedger).RunAsync();
        var finalStock = await StockBaseline.ReadFinalAsync(client, scenario.Skus);
        var verification = await new CheckoutVerifier(checkout, checkoutLedger).RunAsync(checkoutLedger.Sample.Snapshot());
        var findings = new CheckoutFindings(checkoutLedger.SettledOrders, checkoutLedger.RepeatMismatches, settlement, verification);
        var report = ReportBuilder.Build(options, scenario, recorder, window, new ReconciliationSummary(0, 0, 0, 0, 0), initial, finalStock,
            checkoutLedger.Tally(scenario.Skus), findings);
        if (events is null)
            return report;
        // The window in wall-clock time, the events' own clock (occurred_at); both clocks are read at the same moment.
        var wallEnd = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(measuredEnd);
        var confirmed = recorder.Warmup.Count(Outcome.OrderConfirmed) + recorder.Measured.Count(Outcome.OrderConfirmed);
        return report with
        {
            Events = await events.FinishAsync(wallEnd - window, wallEnd, confirmed, report.Checkout?.Figures.ConfirmedPerSecond ?? 0),
        };
    }

    private ILoadDriver CreateDriver(RunContext run) => options.Mode switch
    {
        LoadMode.OpenLoop => new OpenLoopDriver(run, scenario, options.Rate, options.MaxInFlight, options.Seed),
        _ => new ClosedLoopDriver(run, scenario, options.Clients, options.Seed),
    };
}
