using System.Globalization;
using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Metrics;
using K8Shop.LoadGen.Running;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen.Reporting;

/// <summary>Turns a finished run's counters, samples and stock readings into a <see cref="LoadReport"/>.</summary>
public static class ReportBuilder
{
    private static readonly decimal[] Points = [50m, 90m, 99m, 99.9m, 100m];

    public static LoadReport Build(
        LoadGenOptions options,
        IScenario scenario,
        RunRecorder recorder,
        TimeSpan window,
        ReconciliationSummary reconciliation,
        IReadOnlyDictionary<string, StockLevel> initial,
        IReadOnlyDictionary<string, CallResult<StockLevel>> final,
        IReadOnlyDictionary<string, SkuTally> tallies,
        CheckoutFindings? checkout = null)
    {
        var measured = recorder.Measured;
        var seconds = window.TotalSeconds;
        var granted = measured.Count(Outcome.Granted);
        var throughput = new Throughput(
            seconds, recorder.Warmup.Operations, measured.Operations, measured.Requests, granted,
            PerSecond(measured.Operations, seconds), PerSecond(measured.Requests, seconds), PerSecond(granted, seconds));
        var outcomes = new OutcomeCounts(
            granted, measured.GrantedUnits, measured.Count(Outcome.Rejected), measured.Count(Outcome.Released),
            measured.Count(Outcome.Committed), measured.Count(Outcome.NotReserved), measured.Count(Outcome.RepeatConfirmed), measured.Dropped);
        var invariants = scenario.Skus
            .Select(sku => final[sku] is { Reply: { } level }
                ? checkout is null ? InvariantChecker.Check(initial[sku], level, tallies[sku]) : CheckoutInvariantChecker.Check(initial[sku], level, tallies[sku])
                : InvariantChecker.Unreadable(initial[sku], tallies[sku], final[sku].Failure!))
            .ToList();
        return new LoadReport(Settings(options, scenario), throughput, outcomes, Latencies(measured), Errors(measured), reconciliation, invariants,
            checkout is null ? null : Checkout(measured, seconds, checkout));
    }

    private static CheckoutReport Checkout(PhaseStats measured, double seconds, CheckoutFindings findings)
    {
        var confirmed = measured.Count(Outcome.OrderConfirmed);
        var checkouts = confirmed + measured.Count(Outcome.OrderRejected) + measured.Count(Outcome.OrderPaymentFailed) + measured.Count(Outcome.OrderUnsettled);
        var unanswered = measured.Count(Outcome.OrderUnanswered);
        var figures = new CheckoutFigures(
            checkouts, PerSecond(checkouts, seconds), confirmed, PerSecond(confirmed, seconds), measured.Count(Outcome.OrderRejected),
            measured.Count(Outcome.OrderPaymentFailed), measured.Count(Outcome.OrderUnsettled), unanswered,
            measured.Operations - checkouts - unanswered, measured.Count(Outcome.OrderRetried), measured.Count(Outcome.RepeatConfirmed));
        var checks = CheckoutInvariantChecker.Orders(findings.SettledOrders, findings.RepeatMismatches, findings.Reconciliation, findings.Verification);
        return new CheckoutReport(figures, findings.Reconciliation, findings.Verification, checks);
    }

    private static RunSettings Settings(LoadGenOptions options, IScenario scenario)
    {
        var closed = options.Mode == LoadMode.ClosedLoop;
        return new RunSettings(
            scenario.Name, scenario.Description, closed ? "closed-loop" : "open-loop", options.Url.ToString(),
            closed ? options.Clients : null, closed ? null : options.Rate, closed ? null : options.MaxInFlight,
            options.Warmup.TotalSeconds, options.Duration?.TotalSeconds, options.Operations, options.Seed,
            options.ReleaseRatio, options.CommitRatio, options.RepeatRatio, options.TtlSeconds, options.SetupStock,
            scenario is CheckoutScenario checkout ? checkout.HotSku : null,
            scenario is CheckoutScenario ? options.OrderRetries : null,
            scenario is CheckoutScenario ? options.VerifySample : null,
            scenario is CheckoutScenario ? options.DeclineRatio : null);
    }

    private static List<LatencySummary> Latencies(PhaseStats measured)
    {
        var summaries = new List<LatencySummary>();
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var histogram = measured.Latency(kind).Snapshot();
            if (histogram.TotalCount == 0)
                continue;
            var at = Points.Select(point => HistogramPercentiles.NearestRank(histogram, point) / 1000.0).ToArray();
            summaries.Add(new LatencySummary(RequestKinds.Label(kind), histogram.TotalCount, at[0], at[1], at[2], at[3], at[4]));
        }
        return summaries;
    }

    private static ErrorCounts Errors(PhaseStats measured) => new(
        measured.Errors(ErrorKind.Http429),
        measured.Errors(ErrorKind.Http503),
        measured.Errors(ErrorKind.HttpOther),
        measured.Errors(ErrorKind.Timeout),
        measured.Errors(ErrorKind.Connection),
        measured.Errors(ErrorKind.InvalidReply),
        measured.OtherStatuses.OrderBy(status => status.Key)
            .ToDictionary(status => status.Key.ToString(CultureInfo.InvariantCulture), status => status.Value));

    private static double PerSecond(long count, double seconds) => seconds > 0 ? count / seconds : 0;
}
