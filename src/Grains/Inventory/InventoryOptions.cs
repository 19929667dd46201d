namespace K8Shop.Grains.Inventory;

/// <summary>How inventory grains batch, shed and bound their state; bound from section <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>Share one storage write among concurrent changes (true), or write once per change (false, for comparison).</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>Most changes in one write.</summary>
    public int MaxBatchSize { get; set; } = 2_000;

    /// <summary>
    /// Upper bound on storage writes per second per SKU; 0 for none. DynamoDB gives one item 1,000 write units per
    /// second, one unit per KB written, and a hot SKU's item holds its open reservations (~15 KB with a few hundred
    /// in flight), so 50 writes/s keeps it under the limit; fewer writes also leave more CPU for requests.
    /// </summary>
    public int MaxWritesPerSecond { get; set; } = 50;

    /// <summary>
    /// Writes that may go back to back within <see cref="MaxWritesPerSecond"/>: an order's reserve and commit on a quiet
    /// SKU need not wait for each other, while a hot SKU still averages the limit.
    /// </summary>
    public int WriteBurst { get; set; } = 4;

    /// <summary>Queued changes per SKU past which new requests are refused at once (429, Retry-After) instead of timing out.</summary>
    public int MaxBacklog { get; set; } = 20_000;

    /// <summary>Open reservations per SKU; keeps the stored item small (a reservation is ~60 bytes).</summary>
    public int MaxActiveReservations { get; set; } = 2_000;

    /// <summary>Closed orders remembered per SKU, so a late duplicate reserve or commit changes nothing.</summary>
    public int ClosedOrderMemory { get; set; } = 32;

    /// <summary>Orders whose bought units came back, remembered per SKU so a repeated return adds nothing.</summary>
    public int ReturnMemory { get; set; } = 256;

    /// <summary>How often an active SKU returns expired reservations to stock on its own.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Low-stock threshold of a SKU that never had one set.</summary>
    public int DefaultLowStockThreshold { get; set; } = 5;
}
