using System.Globalization;
using System.Text.Json;
using HdrHistogram;
using K8Shop.SearchBench;

// k8shop-searchbench generate-json FILE [count] [seed]     the books as the in-memory catalog's extra books file
// k8shop-searchbench load-postgres CONNECTION [count] [seed] the books into a database the silo migrated
// k8shop-searchbench floor CONNECTION JSON [samples] [count] [seed]
//   the silo's PostgreSQL search in process against the bare count of its matches, one query at a time; text and JSON.
// k8shop-searchbench run URL SECONDS RATE JSON [warmup seconds] [count] [seed] [kinds, default suggest,search]
//   suggestions, then searches, each at RATE requests/s for SECONDS after a warm-up; p50, p99 and max per kind as text and JSON.
var command = args.ElementAtOrDefault(0);
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (command)
{
    case "generate-json":
    {
        var books = BookGenerator.Generate(Arg(2, 100_000), Arg(3, 42)).ToList();
        await using var file = File.Create(args[1]);
        await JsonSerializer.SerializeAsync(file, books, JsonSerializerOptions.Web);
        Console.WriteLine($"{books.Count} books written to {args[1]}");
        return 0;
    }
    case "load-postgres":
    {
        var started = DateTime.UtcNow;
        await PostgresLoader.LoadAsync(args[1], BookGenerator.Generate(Arg(2, 100_000), Arg(3, 42)));
        Console.WriteLine($"{Arg(2, 100_000)} books loaded in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        return 0;
    }
    case "floor":
    {
        var books = BookGenerator.Generate(Arg(4, 100_000), Arg(5, 42)).ToList();
        var report = await Floor.MeasureAsync(args[1], books, Arg(3, 500), Console.Out);
        await File.WriteAllTextAsync(args[2], JsonSerializer.Serialize(new { books = books.Count, floor = report }, JsonSerializerOptions.Web));
        return 0;
    }
    case "run":
    {
        var books = BookGenerator.Generate(Arg(6, 100_000), Arg(7, 42)).ToList();
        var seconds = Arg(2, 60);
        var rate = double.Parse(args[3], CultureInfo.InvariantCulture);
        var warmup = Arg(5, 20);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(args[1]),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var loop = new OpenLoop(http);
        var mix = new QueryMix(books, 7);
        var suggestMix = new QueryMix(books, 11);
        // Each kind at the rate on its own, as the goals state them: suggestions, then searches (a store that cannot keep up
        // with the searches is still answering them after their phase), each after its warm-up.
        var kinds = (args.ElementAtOrDefault(8) ?? "suggest,search").Split(',');
        var phases = new Dictionary<string, Func<long, (string, string)>> { ["search"] = n => mix.NextSearch(n), ["suggest"] = _ => ("suggest", suggestMix.NextSuggest()) };
        foreach (var next in kinds.Select(k => phases[k]))
        {
            foreach (var (duration, measure) in new[] { (warmup, false), (seconds, true) })
                await loop.RunAsync(rate, TimeSpan.FromSeconds(duration), measure, next);
        }

        var report = new List<object>();
        var search = new LongHistogram(1, OpenLoop.HighestMicroseconds, 3);
        foreach (var kind in QueryMix.SearchKinds)
        {
            if (loop.Latencies.TryGetValue(kind, out var h))
                search.Add(h);
        }
        var rows = new List<(string Kind, HistogramBase Histogram)>();
        if (search.TotalCount > 0)
            rows.Add(("search", search));
        rows.AddRange(QueryMix.SearchKinds.Where(loop.Latencies.ContainsKey).Select(k => ($"search:{k}", (HistogramBase)loop.Latencies[k])));
        if (loop.Latencies.TryGetValue("suggest", out var suggest))
            rows.Add(("suggest", suggest));
        Console.WriteLine($"{"kind",-16} {"requests",9} {"errors",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, h) in rows)
        {
            var errors = kind == "search" ? QueryMix.SearchKinds.Sum(k => loop.Errors.GetValueOrDefault(k)) : loop.Errors.GetValueOrDefault(kind.Replace("search:", "", StringComparison.Ordinal));
            double Ms(double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-16} {h.TotalCount,9} {errors,7} {Ms(50),8:F2} {Ms(99),8:F2} {h.GetMaxValue() / 1000.0,8:F2}"));
            report.Add(new { kind, requests = h.TotalCount, errors, p50Ms = Ms(50), p99Ms = Ms(99), maxMs = h.GetMaxValue() / 1000.0 });
        }
        var late = loop.Lateness;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests left after they were due by p50 {late.GetValueAtPercentile(50) / 1000.0:F2} ms, p99 {late.GetValueAtPercentile(99) / 1000.0:F2} ms (counted in the latencies above)"));
        await File.WriteAllTextAsync(args[4], JsonSerializer.Serialize(new { rate, seconds, warmup, books = books.Count, kinds = report, latenessP50Ms = late.GetValueAtPercentile(50) / 1000.0, latenessP99Ms = late.GetValueAtPercentile(99) / 1000.0 }, JsonSerializerOptions.Web));
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: k8shop-searchbench generate-json FILE [count] [seed] | load-postgres CONNECTION [count] [seed] | floor CONNECTION JSON [samples] [count] [seed] | run URL SECONDS RATE JSON [warmup] [count] [seed] [kinds]");
        return 2;
}
