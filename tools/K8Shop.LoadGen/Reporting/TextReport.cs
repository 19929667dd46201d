using K8Shop.LoadGen.Invariants;

namespace K8Shop.LoadGen.Reporting;

/// <summary>
/// The report for people, on stdout: figures, latency table, errors, reconciliation, invariants, verdict. Numbers
/// read the same everywhere because the build sets InvariantGlobalization.
/// </summary>
public static class TextReport
{
    private const int AllSkusInDetailUpTo = 5;
    private const int MostSkusInDetail = 20;

    public static void Write(TextWriter text, LoadReport report)
    {
        if (report.Checkout is { } checkout)
            CheckoutText.Figures(text, report, checkout);
        else
            Figures(text, report);
        Latency(text, report.Latency);
        Errors(text, report.Errors);
        Reconciliation(text, report);
        Invariants(text, report.Invariants, report.Checkout is not null);
        if (report.Checkout is { } orders)
            CheckoutText.Checks(text, orders);
        if (report.Events is { } events)
            EventsText.Write(text, events);
        if (report.Faults is { } faults)
            FaultsText.Write(text, faults);
        var orderChecks = report.Checkout is { } run ? $" and {run.Checks.Count} order check(s)" : "";
        var failedOrderChecks = report.Checkout is { } failed ? $", {failed.Checks.Count(check => !check.Passed)} of {failed.Checks.Count} order check(s) failed" : "";
        var eventChecks = report.Events is { } watched ? $" and {watched.Checks.Count} event check(s)" : "";
        var failedEventChecks = report.Events is { } late ? $", {late.Checks.Count(check => !check.Passed)} of {late.Checks.Count} event check(s) failed" : "";
        var faultsLeftOn = report.Faults is { Passed: false, Chaos: { } chaos }
            ? chaos.LeftOn.Count > 0 ? $", fault(s) left on: {string.Join(", ", chaos.LeftOn)}" : ", the chaos schedule stopped early"
            : "";
        text.WriteLine(report.Passed
            ? $"Result: PASS, every invariant holds on {report.Invariants.Count} SKU(s){orderChecks}{eventChecks} (exit 0)"
            : $"Result: FAIL, {report.Invariants.Count(sku => !sku.Passed)} of {report.Invariants.Count} SKU(s) broke an invariant{failedOrderChecks}{failedEventChecks}{faultsLeftOn} (exit 1)");
        text.Flush();
    }

    private static void Figures(TextWriter text, LoadReport report)
    {
        var (throughput, outcomes) = (report.Throughput, report.Outcomes);
        text.WriteLine($"Results over {throughput.WindowSeconds:0.00} s measured (the warmup's {throughput.WarmupOperations} operations excluded)");
        text.WriteLine($"  operations   {throughput.Operations,10} {throughput.OperationsPerSecond,10:0.0}/s  (one order each: a reserve, then maybe its release or commit)");
        text.WriteLine($"  requests     {throughput.Requests,10} {throughput.RequestsPerSecond,10:0.0}/s");
        text.WriteLine($"  granted      {outcomes.Granted,10} {throughput.GrantedPerSecond,10:0.0}/s  ({outcomes.GrantedUnits} units)");
        text.WriteLine($"  rejected     {outcomes.Rejected,10}              (out of stock)");
        text.WriteLine($"  released     {outcomes.Released,10}");
        text.WriteLine($"  committed    {outcomes.Committed,10}");
        if (outcomes.NotReserved > 0)
            text.WriteLine($"  not_reserved {outcomes.NotReserved,10}              (release or commit of a held reservation the server no longer had)");
        if (outcomes.RepeatsConfirmed > 0)
            text.WriteLine($"  repeats      {outcomes.RepeatsConfirmed,10}              (repeated reserves answered with the same reservation)");
        if (report.Settings.Mode == "open-loop")
            text.WriteLine($"  dropped/late {outcomes.Dropped,10}              (due while --max-in-flight were busy, so never started)");
        text.WriteLine();
    }

    private static void Latency(TextWriter text, IReadOnlyList<LatencySummary> latency)
    {
        text.WriteLine("Latency in ms: exact nearest-rank percentiles over every measured request (the value at rank ceil(p/100 * n));");
        text.WriteLine("an operation's first request is timed from its due time, later ones from their send; checkout spans a whole");
        text.WriteLine("checkout, from its due time to its order's answer (retries included)");
        text.WriteLine($"  {"request",-15} {"count",9} {"p50",9} {"p90",9} {"p99",9} {"p99.9",9} {"max",9}");
        foreach (var row in latency)
            text.WriteLine($"  {row.Kind,-15} {row.Count,9} {row.P50Ms,9:0.000} {row.P90Ms,9:0.000} {row.P99Ms,9:0.000} {row.P999Ms,9:0.000} {row.MaxMs,9:0.000}");
        if (latency.Count == 0)
            text.WriteLine("  (no measured requests)");
        text.WriteLine();
    }

    private static void Errors(TextWriter text, ErrorCounts errors)
    {
        var others = string.Join(", ", errors.OtherStatuses.Select(status => $"{status.Key} x{status.Value}"));
        text.WriteLine($"Errors ({errors.Total} measured request(s))");
        text.WriteLine($"  http 429        {errors.Http429,9}  (shed: the SKU was overloaded)");
        text.WriteLine($"  http 503        {errors.Http503,9}  (storage down)");
        text.WriteLine($"  http other      {errors.HttpOther,9}{(others.Length > 0 ? $"  ({others})" : "")}");
        text.WriteLine($"  timeouts        {errors.Timeouts,9}");
        text.WriteLine($"  connection      {errors.ConnectionErrors,9}");
        text.WriteLine($"  invalid replies {errors.InvalidReplies,9}  (200 with a body that does not answer the request)");
        text.WriteLine();
    }

    private static void Reconciliation(TextWriter text, LoadReport report)
    {
        var summary = report.Reconciliation;
        if (summary.InDoubt == 0)
            return;
        text.WriteLine($"Reconciliation: {summary.InDoubt} order(s) ended in doubt (5xx, timeout, connection); asked again after the load:");
        text.WriteLine($"  {summary.ReservesGranted} reserve(s) had been granted (now released), {summary.ReservesNotGranted} had not, {summary.SettlementsConfirmed} release/commit(s) confirmed, {summary.Unresolved} unresolved");
        text.WriteLine();
    }

    private static void Invariants(TextWriter text, IReadOnlyList<SkuInvariants> skus, bool checkout)
    {
        text.WriteLine($"Invariants: initial GET + the client's ledger (whole run, warmup included) vs final GET, {skus.Count} SKU(s); assumes nothing else touched them");
        if (skus.Count > AllSkusInDetailUpTo)
        {
            foreach (var name in skus.SelectMany(sku => sku.Checks).Select(check => check.Name).Distinct())
            {
                var passed = skus.Count(sku => sku.Checks.Where(check => check.Name == name).All(check => check.Passed));
                text.WriteLine($"  {(passed == skus.Count ? "PASS" : "FAIL")} {name}: {passed} of {skus.Count} SKUs");
            }
            if (checkout)
                text.WriteLine($"  totals: {skus.Sum(sku => sku.Client.CommittedUnits)} units in confirmed orders");
            else
                text.WriteLine($"  totals: {skus.Sum(sku => sku.Client.Grants)} grants, {skus.Sum(sku => sku.Client.GrantedUnits)} units granted, {skus.Sum(sku => sku.Client.ReleasedUnits)} released, {skus.Sum(sku => sku.Client.CommittedUnits)} committed, {skus.Sum(sku => sku.Client.OutstandingUnits)} outstanding");
        }
        var detailed = skus.Count <= AllSkusInDetailUpTo
            ? skus
            : [.. skus.Take(3).Concat(skus.Where(sku => !sku.Passed)).Distinct().Take(MostSkusInDetail)];
        foreach (var sku in detailed)
        {
            var client = sku.Client;
            text.WriteLine(checkout
                ? $"  {sku.Sku}: {client.Orders} settled orders with it, {client.Grants} confirmed ({client.CommittedUnits} units)"
                : $"  {sku.Sku}: {client.Orders} orders, {client.Grants} granted ({client.GrantedUnits} units), released {client.ReleasedUnits}, committed {client.CommittedUnits}, outstanding {client.OutstandingUnits}");
            foreach (var check in sku.Checks)
                text.WriteLine($"    {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}");
        }
        text.WriteLine();
    }
}
