using System.Globalization;
using System.Text;

namespace K8Shop.LoadGen.Reporting;

/// <summary>The HTML report's summary tables; every cell goes through <see cref="HtmlReport.E"/>.</summary>
public static class HtmlTables
{
    public static void Summary(StringBuilder html, LoadReport report)
    {
        var (settings, throughput) = (report.Settings, report.Throughput);
        var rows = new List<string?[]>
        {
            new[] { "scenario", $"{settings.Scenario} ({settings.Target})" },
            new[] { "mode", settings.Mode == "open-loop" ? $"open loop, {N(settings.Rate)}/s, at most {settings.MaxInFlight} in flight" : $"closed loop, {settings.Clients} client(s)" },
            new[] { "url", settings.Url },
            new[] { "measured", $"{N(throughput.WindowSeconds)} s after a {N(settings.WarmupSeconds)} s warmup" },
            new[] { "operations", $"{throughput.Operations} ({N(throughput.OperationsPerSecond)}/s)" },
            new[] { "requests", $"{throughput.Requests} ({N(throughput.RequestsPerSecond)}/s)" },
        };
        if (report.Checkout is { } checkout)
        {
            var figures = checkout.Figures;
            rows.Add(["checkouts", $"{figures.Checkouts} ({N(figures.CheckoutsPerSecond)}/s), {figures.Confirmed} confirmed ({N(figures.ConfirmedPerSecond)}/s), {figures.Rejected} rejected, {figures.PaymentFailed} payment_failed, {figures.Other} other, {figures.Unanswered} unanswered"]);
        }
        Table(html, "Summary", ["", ""], rows);
    }

    public static void Faults(StringBuilder html, FaultsReport? faults)
    {
        if (faults is null)
            return;
        if (faults.Unavailable is { } reason)
            html.Append("<p>Faults not recorded: ").Append(HtmlReport.E(reason)).Append("</p>\n");
        if (faults.Chaos is { } chaos)
        {
            Table(html, $"Chaos windows (each fault on {N(chaos.OnSeconds)} s, then all off {N(chaos.OffSeconds)} s)",
                ["fault", "seconds", "on at", "off at", "ops/s", "requests", "errors", "p50 ms", "p99 ms", "max ms", "outcomes", "problem"],
                [.. chaos.Windows.Select(w => new[]
                {
                    w.Fault ?? "(none)", $"{w.FromSecond}-{w.ToSecond}", N(w.OnAtSeconds), N(w.OffAtSeconds), N(w.OperationsPerSecond),
                    w.Requests.ToString(CultureInfo.InvariantCulture), w.Errors.ToString(CultureInfo.InvariantCulture), N(w.P50Ms), N(w.P99Ms), N(w.MaxMs),
                    string.Join(", ", w.Outcomes.Select(outcome => $"{outcome.Key} {outcome.Value}")), w.Problem,
                })]);
            if (chaos.Failure is { } failure)
                html.Append("<p class=\"fail\">The schedule stopped early: ").Append(HtmlReport.E(failure)).Append("</p>\n");
            html.Append(chaos.LeftOn.Count == 0 ? "<p class=\"pass\">Every fault the schedule turned on was turned off again.</p>\n"
                : $"<p class=\"fail\">Still on after the run: {HtmlReport.E(string.Join(", ", chaos.LeftOn))}</p>\n");
        }
        Table(html, "Fault windows", ["fault", "on at s", "off at s", "source"],
            [.. faults.Windows.Select(w => new[] { w.Name, N(w.FromSeconds), w.ToSeconds is { } to ? N(to) : "still on", w.Source })]);
    }

    public static void Latency(StringBuilder html, IReadOnlyList<LatencySummary> latency) =>
        Table(html, "Latency in ms (nearest rank, measured phase)", ["request", "count", "p50", "p90", "p99", "p99.9", "max"],
            [.. latency.Select(row => new[] { row.Kind, row.Count.ToString(CultureInfo.InvariantCulture), N(row.P50Ms), N(row.P90Ms), N(row.P99Ms), N(row.P999Ms), N(row.MaxMs) })]);

    public static void Errors(StringBuilder html, ErrorCounts errors) =>
        Table(html, $"Errors ({errors.Total} measured request(s))", ["kind", "count"],
        [
            ["http 429", C(errors.Http429)], ["http 503", C(errors.Http503)],
            ["http other", $"{errors.HttpOther} {string.Join(", ", errors.OtherStatuses.Select(status => $"{status.Key} x{status.Value}"))}".Trim()],
            ["timeouts", C(errors.Timeouts)], ["connection", C(errors.ConnectionErrors)], ["invalid replies", C(errors.InvalidReplies)],
        ]);

    public static void Checks(StringBuilder html, LoadReport report)
    {
        var rows = report.Invariants.SelectMany(sku => sku.Checks).GroupBy(check => check.Name)
            .Select(group => new[] { group.Key, group.All(check => check.Passed) ? "PASS" : "FAIL", $"{group.Count(check => check.Passed)} of {group.Count()} SKU(s)" })
            .Concat((report.Checkout?.Checks ?? []).Concat(report.Events?.Checks ?? []).Select(check => new[] { check.Name, check.Passed ? "PASS" : "FAIL", check.Detail }))
            .ToList<string?[]>();
        Table(html, "Checks", ["check", "result", "detail"], rows);
    }

    private static void Table(StringBuilder html, string title, string[] header, IReadOnlyList<string?[]> rows)
    {
        html.Append("<h2>").Append(HtmlReport.E(title)).Append("</h2>\n<table>\n<tr>");
        foreach (var cell in header)
            html.Append("<th>").Append(HtmlReport.E(cell)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append("<td>").Append(HtmlReport.E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string N(double? value) => value is { } number ? number.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static string C(long value) => value.ToString(CultureInfo.InvariantCulture);
}
