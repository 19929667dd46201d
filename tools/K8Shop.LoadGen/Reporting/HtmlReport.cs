using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8Shop.LoadGen.Reporting;

/// <summary>What the page's script charts: the per-second series and the fault windows.</summary>
public sealed record HtmlChartData(SeriesReport Series, IReadOnlyList<FaultWindow> Windows);

/// <summary>
/// Compact snake_case JSON for the page. The default encoder escapes &lt;, &gt;, &amp; and quotes as \uXXXX, so no
/// value (a fault's name, an error's detail) can close the script element it sits in.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HtmlChartData))]
public sealed partial class HtmlJsonContext : JsonSerializerContext;

/// <summary>
/// The report as one HTML page that opens offline: charts of throughput, latency and errors per second with the fault
/// windows shaded (uPlot, inlined), the summary tables, and the whole text report. Every value is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    public static async Task WriteAsync(string path, LoadReport report) => await File.WriteAllTextAsync(path, Render(report));

    public static string Render(LoadReport report)
    {
        var series = report.Series ?? new SeriesReport("request", DateTimeOffset.UnixEpoch, 0, 0, []);
        var windows = report.Faults?.Windows ?? [];
        var data = JsonSerializer.Serialize(new HtmlChartData(series, windows), HtmlJsonContext.Default.HtmlChartData);
        var title = $"k8shop-loadgen: {report.Settings.Scenario} at {series.StartedAt:yyyy-MM-dd HH:mm:ss} UTC";
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        TextReport.Write(text, report);

        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n");
        html.Append("<style>").Append(ReportAssets.Style).Append("</style>\n<style>").Append(PageStyle).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        html.Append("<p class=\"").Append(report.Passed ? "pass" : "fail").Append("\">").Append(report.Passed ? "PASS: every check held" : "FAIL: a check failed").Append("</p>\n");
        HtmlTables.Summary(html, report);
        html.Append("<h2>Over time</h2>\n<p>Shaded: a fault on (its name at the top; edges mark on and off); grey: the warmup, left out of the figures.</p>\n");
        html.Append("<div id=\"chart-throughput\"></div>\n<div id=\"chart-latency\"></div>\n<div id=\"chart-errors\"></div>\n<div id=\"chart-outcomes\"></div>\n");
        HtmlTables.Faults(html, report.Faults);
        HtmlTables.Latency(html, report.Latency);
        HtmlTables.Errors(html, report.Errors);
        HtmlTables.Checks(html, report);
        html.Append("<h2>Text report</h2>\n<pre>").Append(E(text.ToString())).Append("</pre>\n");
        html.Append("<script id=\"report-data\" type=\"application/json\">").Append(data).Append("</script>\n");
        html.Append("<script>").Append(ReportAssets.Script).Append("</script>\n");
        html.Append("<script>").Append(HtmlCharts.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    internal static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private const string PageStyle = """
        body { font-family: system-ui, sans-serif; margin: 20px; color: #222; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; font-variant-numeric: tabular-nums; }
        th:first-child, td:first-child { text-align: left; }
        .pass { color: #1a7f37; font-weight: bold; } .fail { color: #cf222e; font-weight: bold; }
        pre { background: #f6f8fa; padding: 10px; overflow-x: auto; }
        """;
}
