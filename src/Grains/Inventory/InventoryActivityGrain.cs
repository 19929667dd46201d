using System.Collections.Immutable;
using K8Shop.Contracts.Inventory;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// Sums the reports of the SKU grains over a sliding window. Not stored: it is a live view that refills within a
/// second, and a write per report would make the busiest SKUs pay for being watched.
/// </summary>
public sealed class InventoryActivityGrain(TimeProvider clock) : Grain, IInventoryActivityGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, SkuWindow> _skus = new(StringComparer.Ordinal);

    public Task ReportAsync(SkuActivity activity)
    {
        if (!_skus.TryGetValue(activity.Sku, out var window))
            _skus[activity.Sku] = window = new SkuWindow();
        window.Add(activity);
        return Task.CompletedTask;
    }

    public Task<HotSkuList> TopAsync(int limit)
    {
        var since = clock.GetUtcNow() - Window;
        foreach (var (sku, window) in _skus.ToList())
        {
            window.Prune(since);
            if (window.IsEmpty)
                _skus.Remove(sku);
        }
        var top = _skus.Values
            .Select(w => w.Summary())
            .OrderByDescending(s => s.Requests)
            .ThenBy(s => s.Sku, StringComparer.Ordinal)
            .Take(limit)
            .ToImmutableArray();
        return Task.FromResult(new HotSkuList(Window, top));
    }

    private sealed class SkuWindow
    {
        private readonly Queue<SkuActivity> _reports = new();
        private long _requests;
        private long _rejected;
        private SkuActivity? _latest;

        public bool IsEmpty => _reports.Count == 0;

        public void Add(SkuActivity activity)
        {
            _reports.Enqueue(activity);
            _requests += activity.Requests;
            _rejected += activity.Rejected;
            if (_latest is null || activity.At >= _latest.At)
                _latest = activity;
        }

        public void Prune(DateTimeOffset since)
        {
            while (_reports.TryPeek(out var oldest) && oldest.At < since)
            {
                _reports.Dequeue();
                _requests -= oldest.Requests;
                _rejected -= oldest.Rejected;
            }
        }

        public HotSku Summary() =>
            new(_latest!.Sku, _requests, _rejected, _latest.Available, _latest.Reserved, _latest.LowStock, _latest.At);
    }
}
