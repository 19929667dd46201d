using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Grains.Catalog.Search;
using K8Shop.Silo.Catalog;
using K8Shop.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace K8Shop.SearchBench;

/// <summary>
/// The PostgreSQL search against its floor, one query at a time on an otherwise idle database: for each of the
/// benchmark's searches, the silo's whole search (the statement with page, total and facets, then the page's products
/// and ratings, then highlights) and the bare count of the same matches (<see cref="SearchSql.MatchCount"/>: the GIN
/// lookup and a visit to every matching row, which any search on PostgreSQL's full-text search pays). The ratio shows
/// what the design adds; the floor alone shows what the machine's PostgreSQL costs per matching book.
/// </summary>
public static class Floor
{
    public static async Task<object> MeasureAsync(string connectionString, IReadOnlyList<GeneratedBook> books, int samples, TextWriter output)
    {
        // One connection each for the search, its floor and the unmeasured query expansion, so that each PostgreSQL
        // backend's CPU is one side's alone: CPU, unlike latency, does not move with what else this box runs.
        var single = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 }.ConnectionString;
        await using var dataSource = PostgresHostingExtensions.CreateDataSource(single);
        await using var floorSource = PostgresHostingExtensions.CreateDataSource(single);
        await using var expandSource = PostgresHostingExtensions.CreateDataSource(single);
        var search = new PostgresCatalogSearch(dataSource, new PostgresCatalogStore(dataSource, NullLogger<PostgresCatalogStore>.Instance));
        var expander = new PostgresCatalogSearch(expandSource, new PostgresCatalogStore(expandSource, NullLogger<PostgresCatalogStore>.Instance));
        var searchBackend = await BackendCpu.OfAsync(dataSource);
        var floorBackend = await BackendCpu.OfAsync(floorSource);
        var mix = new QueryMix(books, 7);
        var kinds = QueryMix.SearchKinds.ToDictionary(k => k, _ => new KindFigures());
        for (var n = 0; n < samples; n++)
        {
            var (kind, path) = mix.NextSearch(n);
            var query = QueryMix.Parse(path);
            var expanded = await ExpandedQuery.ExpandAsync(ShopperQuery.Parse(query.Text).Bounded(), expander, CancellationToken.None);
            var floor = SearchSql.MatchCount(expanded);
            // Once each unmeasured, so both run on the same warm pages; then the two in turn.
            await search.SearchAsync(query);
            await CountAsync(floorSource, floor);
            var figures = kinds[kind];
            var cpu = searchBackend.Read();
            var started = Stopwatch.GetTimestamp();
            var result = await search.SearchAsync(query);
            var searched = Stopwatch.GetElapsedTime(started);
            figures.SearchCpu += searchBackend.Read() - cpu;
            cpu = floorBackend.Read();
            started = Stopwatch.GetTimestamp();
            await CountAsync(floorSource, floor);
            var counted = Stopwatch.GetElapsedTime(started);
            figures.FloorCpu += floorBackend.Read() - cpu;
            figures.Search.RecordValue(Math.Max(1, (long)searched.TotalMicroseconds));
            figures.Floor.RecordValue(Math.Max(1, (long)counted.TotalMicroseconds));
            figures.Matches.Add(result.Total);
            if ((n + 1) % 50 == 0)
                Console.Error.WriteLine($"floor: {n + 1}/{samples} searches");
        }

        output.WriteLine($"{"kind",-10} {"searches",8} {"matches p50",11} {"p90",7} {"search p50",10} {"p99",8} {"floor p50",9} {"p99",8} {"ratio p50",9} {"pg cpu: search",14} {"floor",6} {"ratio",6}");
        var report = new List<object>();
        var (allSearchCpu, allFloorCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var (kind, figures) in kinds.Where(k => k.Value.Search.TotalCount > 0))
        {
            var (s, f, matches) = (figures.Search, figures.Floor, figures.Matches);
            matches.Sort();
            double Ms(HistogramBase h, double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
            var ratio = Ms(s, 50) / Ms(f, 50);
            var searchCpuMs = figures.SearchCpu.TotalMilliseconds / s.TotalCount;
            var floorCpuMs = figures.FloorCpu.TotalMilliseconds / f.TotalCount;
            (allSearchCpu, allFloorCpu) = (allSearchCpu + figures.SearchCpu, allFloorCpu + figures.FloorCpu);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-10} {s.TotalCount,8} {matches[matches.Count / 2],11} {matches[matches.Count * 9 / 10],7} {Ms(s, 50),10:F2} {Ms(s, 99),8:F2} {Ms(f, 50),9:F2} {Ms(f, 99),8:F2} {ratio,9:F2} {searchCpuMs,14:F2} {floorCpuMs,6:F2} {CpuRatio(figures.SearchCpu, figures.FloorCpu),6}"));
            report.Add(new
            {
                kind, searches = s.TotalCount, matchesP50 = matches[matches.Count / 2], matchesP90 = matches[matches.Count * 9 / 10],
                searchP50Ms = Ms(s, 50), searchP99Ms = Ms(s, 99), floorP50Ms = Ms(f, 50), floorP99Ms = Ms(f, 99), ratioP50 = ratio,
                postgresCpuPerSearchMs = searchCpuMs, postgresCpuPerFloorMs = floorCpuMs,
            });
        }
        if (searchBackend.Available)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL CPU, every kind: {allSearchCpu.TotalMilliseconds / samples:F2} ms per search, {allFloorCpu.TotalMilliseconds / samples:F2} ms per floor count, ratio {CpuRatio(allSearchCpu, allFloorCpu)}; at 100 searches/s the searches alone keep {allSearchCpu.TotalSeconds / samples * 100:F2} cores busy"));
        else
            output.WriteLine("PostgreSQL CPU: not measured (its backends are not processes on this machine)");
        return new { kinds = report, postgresCpuPerSearchMs = allSearchCpu.TotalMilliseconds / samples, postgresCpuPerFloorMs = allFloorCpu.TotalMilliseconds / samples };
    }

    private static string CpuRatio(TimeSpan search, TimeSpan floor) =>
        floor > TimeSpan.Zero ? (search / floor).ToString("F2", CultureInfo.InvariantCulture) : "-";

    private sealed class KindFigures
    {
        public LongHistogram Search { get; } = new(1, OpenLoop.HighestMicroseconds, 3);
        public LongHistogram Floor { get; } = new(1, OpenLoop.HighestMicroseconds, 3);
        public List<int> Matches { get; } = [];
        public TimeSpan SearchCpu { get; set; }
        public TimeSpan FloorCpu { get; set; }
    }

    private static async Task CountAsync(NpgsqlDataSource dataSource, SearchSql floor)
    {
        await using var command = dataSource.CreateCommand(floor.Text);
        command.Parameters.AddRange(floor.Parameters.Select(p => p.Clone()).ToArray());
        await command.ExecuteScalarAsync();
    }
}
