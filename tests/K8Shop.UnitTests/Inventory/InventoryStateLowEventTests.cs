using System.Text.Json;
using K8Shop.Contracts.Events;
using K8Shop.Grains.Inventory;
using static K8Shop.UnitTests.Inventory.InventoryRulesTestData;

namespace K8Shop.UnitTests.Inventory;

/// <summary>An inventory.low waiting for the broker is stored in the SKU's item, readably, and read back whole.</summary>
public sealed class InventoryStateLowEventTests
{
    [Fact]
    public void A_pending_low_stock_event_survives_the_items_json_and_is_left_out_when_there_is_none()
    {
        var low = new InventoryLowEvent
        {
            MessageId = IntegrationEvent.StableMessageId(Sku, "inventory.low@1"),
            CorrelationId = Sku,
            OccurredAt = Now,
            Sku = Sku,
            Threshold = 5,
            Current = 4,
        };
        var state = Stock(4) with { LowStockEvent = low };

        var json = JsonSerializer.Serialize(state);
        var read = JsonSerializer.Deserialize<InventoryState>(json)!;

        Assert.Contains("\"lowEvent\":{", json, StringComparison.Ordinal);
        Assert.Equal(low, read.LowStockEvent);
        Assert.DoesNotContain("lowEvent", JsonSerializer.Serialize(Stock(4)), StringComparison.Ordinal);
    }
}
