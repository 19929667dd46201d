namespace K8Shop.LoadGen.Reporting;

/// <summary>
/// The report page's own script: reads the data block (JSON, HTML-escaped by the serializer), draws three uPlot charts
/// over the run's seconds (throughput, latency, errors) and shades each fault window, the warmup in grey.
/// </summary>
public static class HtmlCharts
{
    public const string Script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("report-data").textContent);
          var points = data.series.seconds;
          var windows = data.windows;
          var x = points.map(function (p) { return p.elapsed_seconds; });
          var end = x.length ? x[x.length - 1] + 1 : 1;
          var palette = ["#d62728", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#2ca02c", "#1f77b4", "#7f7f7f"];
          var names = [];
          windows.forEach(function (w) { if (names.indexOf(w.name) < 0) names.push(w.name); });
          function colour(name) { return palette[names.indexOf(name) % palette.length]; }
          function column(pick) { return points.map(pick); }
          function width() { return Math.max(600, Math.min(1200, document.body.clientWidth - 40)); }

          function shade(u) {
            var ctx = u.ctx, top = u.bbox.top, height = u.bbox.height;
            ctx.save();
            if (data.series.warmup_seconds > 0) {
              var w0 = u.valToPos(0, "x", true), w1 = u.valToPos(data.series.warmup_seconds, "x", true);
              ctx.fillStyle = "rgba(128,128,128,0.12)";
              ctx.fillRect(w0, top, w1 - w0, height);
            }
            windows.forEach(function (w) {
              var x0 = u.valToPos(w.from_seconds, "x", true);
              var x1 = u.valToPos(w.to_seconds === null ? end : w.to_seconds, "x", true);
              ctx.globalAlpha = 0.15;
              ctx.fillStyle = colour(w.name);
              ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
              ctx.globalAlpha = 0.9;
              ctx.fillRect(x0, top, 2 * devicePixelRatio, height);
              ctx.fillRect(x1 - 2 * devicePixelRatio, top, 2 * devicePixelRatio, height);
              ctx.font = (10 * devicePixelRatio) + "px sans-serif";
              ctx.fillText(w.name, x0 + 4 * devicePixelRatio, top + 12 * devicePixelRatio);
            });
            ctx.restore();
          }

          function chart(id, title, unit, series, columns) {
            var opts = {
              title: title,
              width: width(),
              height: 280,
              scales: { x: { time: false } },
              axes: [{ label: "seconds into the run" }, { label: unit }],
              series: [{ label: "second" }].concat(series),
              hooks: { drawClear: [shade] },
            };
            return new uPlot(opts, [x].concat(columns), document.getElementById(id));
          }

          chart("chart-throughput", "Throughput per second", "per second",
            [{ label: "operations", stroke: "#1f77b4", width: 2 }, { label: "ok requests", stroke: "#2ca02c" }],
            [column(function (p) { return p.operations; }), column(function (p) { return p.ok; })]);
          chart("chart-latency", "Latency per second (" + data.series.latency_of + ")", "ms",
            [{ label: "p50", stroke: "#2ca02c", width: 2 }, { label: "p99", stroke: "#d62728", width: 2 }, { label: "max", stroke: "#7f7f7f", show: false }],
            [column(function (p) { return p.p50_ms; }), column(function (p) { return p.p99_ms; }), column(function (p) { return p.max_ms; })]);
          var kinds = [["http_429", "429", "#ff7f0e"], ["http_503", "503", "#d62728"], ["http_other", "other http", "#9467bd"],
            ["timeouts", "timeouts", "#8c564b"], ["connection_errors", "connection", "#e377c2"], ["invalid_replies", "invalid", "#7f7f7f"]];
          chart("chart-errors", "Failed requests per second, by kind", "per second",
            kinds.map(function (k) { return { label: k[1], stroke: k[2] }; }),
            kinds.map(function (k) { return column(function (p) { return p.errors_by_kind[k[0]]; }); }));
          var outcomes = [];
          points.forEach(function (p) { Object.keys(p.outcomes).forEach(function (k) { if (outcomes.indexOf(k) < 0) outcomes.push(k); }); });
          outcomes.sort();
          chart("chart-outcomes", "Answers per second, by outcome", "per second",
            outcomes.map(function (k, i) { return { label: k, stroke: palette[(i + 7) % palette.length] }; }),
            outcomes.map(function (k) { return column(function (p) { return p.outcomes[k] || 0; }); }));
        })();
        """;
}
