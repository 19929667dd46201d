using System.Diagnostics.Metrics;

namespace K8Shop.Grains.Inventory;

/// <summary>Meter <c>K8Shop.Inventory</c>: reservations by result, group-commit batch sizes, storage writes and shed requests per SKU.</summary>
public static class InventoryMetrics
{
    public const string Name = "K8Shop.Inventory";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>(
        "k8shop.inventory.reservations", "{reservation}", "Reservation requests by result: reserved, insufficient, shed, duplicate");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram(
        "k8shop.inventory.group_commit.batch_size", "{change}", "Changes stored together by one group-commit write", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    private static readonly Counter<long> Writes = Meter.CreateCounter<long>(
        "k8shop.inventory.writes", "{write}", "Storage writes of a SKU's state");

    private static readonly Counter<long> Shed = Meter.CreateCounter<long>(
        "k8shop.inventory.shed", "{request}", "Requests a SKU refused because its write queue was full");

    public static class Results
    {
        public const string Reserved = "reserved";
        public const string Insufficient = "insufficient";
        public const string Shed = "shed";
        public const string Duplicate = "duplicate";
    }

    public static void Reservation(string result) => Reservations.Add(1, new KeyValuePair<string, object?>("result", result));

    public static void BatchWritten(int changes) => BatchSize.Record(changes);

    public static void Written(string sku) => Writes.Add(1, new KeyValuePair<string, object?>("sku", sku));

    public static void Refused(string sku) => Shed.Add(1, new KeyValuePair<string, object?>("sku", sku));
}
