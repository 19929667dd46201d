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
        await using var dataSource = PostgresHostingExtensions.CreateDataSource(connectionString);
        var search = new PostgresCatalogSearch(dataSource, new PostgresCatalogStore(dataSource, NullLogger<PostgresCatalogStore>.Instance));
        var mix = new QueryMix(books, 7);
        var kinds = QueryMix.SearchKinds.ToDictionary(k => k, _ => (Search: new LongHistogram(1, OpenLoop.HighestMicroseconds, 3), Floor: new LongHistogram(1, OpenLoop.HighestMicroseconds, 3), Matches: new List<int>()));
        for (var n = 0; n < samples; n++)
        {
            var (kind, path) = mix.NextSearch(n);
            var query = QueryMix.Parse(path);
            var expanded = await ExpandedQuery.ExpandAsync(ShopperQuery.Parse(query.Text).Bounded(), search, CancellationToken.None);
            var floor = SearchSql.MatchCount(expanded);
            // Once each unmeasured, so both run on the same warm pages; then the two in turn.
            await search.SearchAsync(query);
            await CountAsync(dataSource, floor);
            var started = Stopwatch.GetTimestamp();
            var result = await search.SearchAsync(query);
            var searched = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await CountAsync(dataSource, floor);
            var counted = Stopwatch.GetElapsedTime(started);
            kinds[kind].Search.RecordValue(Math.Max(1, (long)searched.TotalMicroseconds));
            kinds[kind].Floor.RecordValue(Math.Max(1, (long)counted.TotalMicroseconds));
            kinds[kind].Matches.Add(result.Total);
            if ((n + 1) % 50 == 0)
                Console.Error.WriteLine($"floor: {n + 1}/{samples} searches");
        }

        output.WriteLine($"{"kind",-10} {"searches",8} {"matches p50",11} {"p90",7} {"search p50",10} {"p99",8} {"floor p50",9} {"p99",8} {"ratio p50",9}");
        var report = new List<object>();
        foreach (var (kind, (s, f, matches)) in kinds.Where(k => k.Value.Search.TotalCount > 0))
        {
            matches.Sort();
            double Ms(HistogramBase h, double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
            var ratio = Ms(s, 50) / Ms(f, 50);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-10} {s.TotalCount,8} {matches[matches.Count / 2],11} {matches[matches.Count * 9 / 10],7} {Ms(s, 50),10:F2} {Ms(s, 99),8:F2} {Ms(f, 50),9:F2} {Ms(f, 99),8:F2} {ratio,9:F2}"));
            report.Add(new
            {
                kind, searches = s.TotalCount, matchesP50 = matches[matches.Count / 2], matchesP90 = matches[matches.Count * 9 / 10],
                searchP50Ms = Ms(s, 50), searchP99Ms = Ms(s, 99), floorP50Ms = Ms(f, 50), floorP99Ms = Ms(f, 99), ratioP50 = ratio,
            });
        }
        return report;
    }

    private static async Task CountAsync(NpgsqlDataSource dataSource, SearchSql floor)
    {
        await using var command = dataSource.CreateCommand(floor.Text);
        command.Parameters.AddRange(floor.Parameters.Select(p => p.Clone()).ToArray());
        await command.ExecuteScalarAsync();
    }
}
