using System.Text.Json;
using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Ledger;
using K8Shop.LoadGen.Reporting;
using K8Shop.LoadGen.Faults;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Tests.Reporting;

public sealed class HtmlReportTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script>";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"k8shop-loadgen-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ThePage_InlinesTheChartLibrary_TheSeries_AndTheFaultWindows()
    {
        var html = HtmlReport.Render(Report());

        // uPlot whole, so the page opens offline; nothing loaded from elsewhere.
        Assert.StartsWith("/*! https://github.com/leeoniya/uPlot (v1.6.32) */", ReportAssets.ScriptBanner, StringComparison.Ordinal);
        Assert.Contains(ReportAssets.Script, html, StringComparison.Ordinal);
        Assert.Contains(ReportAssets.Style, html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);

        var data = DataBlock(html);
        var seconds = data.GetProperty("series").GetProperty("seconds");
        Assert.Equal(3, seconds.GetArrayLength());
        Assert.Equal(120, seconds[1].GetProperty("operations").GetInt64());
        Assert.Equal(41.5, seconds[1].GetProperty("p99_ms").GetDouble());
        Assert.Equal(7, seconds[2].GetProperty("errors_by_kind").GetProperty("http_503").GetInt64());
        var windows = data.GetProperty("windows");
        Assert.Equal("payment-decline", windows[0].GetProperty("name").GetString());
        Assert.Equal(1.02, windows[0].GetProperty("from_seconds").GetDouble());
        Assert.Equal(2.01, windows[0].GetProperty("to_seconds").GetDouble());
        Assert.Equal(Hostile, windows[1].GetProperty("name").GetString());

        Assert.Contains("<td>payment-decline</td><td>1-2</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-latency\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>order_confirmed 60, order_payment_failed 60</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryValue_IsEscaped_SoNoneCanOpenAnElement()
    {
        var html = HtmlReport.Render(Report());

        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", html, StringComparison.Ordinal);
        // Our three scripts and no fourth.
        Assert.Equal(3, html.Split("<script").Length - 1);
    }

    [Fact]
    public async Task TheJsonReport_CarriesTheSeriesAndFaults_InSnakeCase()
    {
        await JsonReport.WriteAsync(_path, Report());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_path));
        var root = json.RootElement;

        var second = root.GetProperty("series").GetProperty("seconds")[1];
        Assert.Equal(
            ["elapsed_seconds", "wall_time", "measured", "operations", "requests", "ok", "errors", "errors_by_kind", "outcomes", "p50_ms", "p99_ms", "max_ms", "faults"],
            second.EnumerateObject().Select(property => property.Name));
        Assert.Equal("2026-12-07T05:00:01+00:00", second.GetProperty("wall_time").GetString());
        Assert.Equal(["payment-decline"], second.GetProperty("faults").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(60, second.GetProperty("outcomes").GetProperty("order_payment_failed").GetInt64());
        var chaos = root.GetProperty("faults").GetProperty("chaos");
        Assert.Equal(2, chaos.GetProperty("windows").GetArrayLength());
        Assert.Equal(41.5, chaos.GetProperty("windows")[1].GetProperty("p99_ms").GetDouble());
        // The fields the benchmarks read are where they were.
        Assert.Equal(1250, root.GetProperty("throughput").GetProperty("requests_per_second").GetDouble());
        Assert.Equal(9.8, root.GetProperty("latency")[0].GetProperty("p99_ms").GetDouble());
        Assert.True(root.GetProperty("passed").GetBoolean());
    }

    private static JsonElement DataBlock(string html)
    {
        const string open = "<script id=\"report-data\" type=\"application/json\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(html[start..end]).RootElement.Clone();
    }

    private static Dictionary<string, long> Confirmed(long count) => new() { ["order_confirmed"] = count };

    private static LoadReport Report()
    {
        var settings = new RunSettings("checkout", "a fresh shopper per checkout", "closed-loop", "http://127.0.0.1:8080/", 8, null, null,
            1, 2, null, 42, 0.2, 0.3, 0, 3600, 1000, "BOOK-001", 3, 10, 0);
        var errors = new ErrorCounts(0, 7, 0, 0, 0, 0, new Dictionary<string, long>());
        var sku = CheckoutInvariantChecker.Check(
            new("BOOK-001", 100, 0, 100, 0, 5, false, null), new("BOOK-001", 90, 0, 90, 10, 5, false, null),
            SkuTally.Empty("BOOK-001") with { Orders = 6, Grants = 6, GrantedUnits = 10, CommittedUnits = 10 });
        var start = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);
        var none = new SecondErrors(0, 0, 0, 0, 0, 0);
        var series = new SeriesReport("checkout", start, 1, 0,
        [
            new(0, start, false, 100, 300, 300, 0, none, Confirmed(100), 5.0, 20.0, 22.0, []),
            new(1, start.AddSeconds(1), true, 120, 350, 350, 0, none, new Dictionary<string, long> { ["order_confirmed"] = 60, ["order_payment_failed"] = 60 },
                6.5, 41.5, 60.0, ["payment-decline"]),
            new(2, start.AddSeconds(2), true, 90, 280, 273, 7, none with { Http503 = 7 }, Confirmed(90), 7.0, 80.0, 95.0, [Hostile]),
        ]);
        var chaos = new ChaosReport(1, 0, ["payment-decline", Hostile],
        [
            new(null, null, 0, 1, null, null, null, 100, 100, 300, 0, Confirmed(100), 5.0, 20.0, 22.0),
            new("payment-decline", "error", 1, 2, 1.02, 2.01, null, 120, 120, 350, 0, series.Seconds[1].Outcomes, 6.5, 41.5, 60.0),
        ], []);
        var faults = new FaultsReport(null, 3, 0,
            [new("payment-decline", 1.02, 2.01, FaultTimeline.Chaos), new(Hostile, 2.0, 3.0, FaultTimeline.Observed)], chaos);
        return new LoadReport(settings, new Throughput(2, 100, 210, 630, 0, 105, 1250, 0), new OutcomeCounts(0, 0, 0, 0, 0, 0, 0, 0),
            [new("checkout", 210, 6.0, 9.1, 9.8, 20.0, 95.0)], errors, new ReconciliationSummary(0, 0, 0, 0, 0), [sku], Series: series, Faults: faults);
    }
}
