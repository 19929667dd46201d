using System.Text.Json;

namespace K8Shop.FaultDrill;

/// <summary>Checks the shop's state, read back through the gateway, against what the drill's clients were told.</summary>
public static class FaultVerifier
{
    private static readonly TimeSpan ReadWindow = TimeSpan.FromSeconds(30);

    public static async Task<FaultReport> VerifyAsync(
        ShopClient shop, FaultDrillOptions options, IReadOnlyList<CheckoutRecord> records,
        IReadOnlyDictionary<string, JsonElement> inventoryBefore, IReadOnlyDictionary<string, JsonElement?> orders, CancellationToken cancellationToken)
    {
        var stored = orders.Values.OfType<JsonElement>().ToList();
        var lost = new List<string>();
        foreach (var record in records.Where(r => r.Acknowledged is not null))
        {
            var ack = record.Acknowledged!;
            if (orders[record.Plan.Key] is not { } order)
                lost.Add($"{record.Plan.Key}: acknowledged {ack.Status}, not stored");
            else if (order.GetProperty("orderId").GetString() != ack.OrderId || order.GetProperty("total").GetDecimal() != ack.Total
                || (FaultDrillRunner.IsFinal(ack.Status) && order.GetProperty("status").GetString() != ack.Status))
                lost.Add($"{record.Plan.Key}: acknowledged {ack.Status} {ack.Total}, stored {order.GetProperty("status").GetString()} {order.GetProperty("total").GetDecimal()}");
        }

        var duplicates = new List<string>();
        foreach (var user in records.GroupBy(r => r.Plan.UserId))
        {
            var expected = user.Select(r => r.Plan.OrderId).ToHashSet();
            var listed = await Retry.UntilAsync(() => shop.ListOrderIdsAsync(user.Key, cancellationToken), ReadWindow, cancellationToken);
            duplicates.AddRange(listed.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{user.Key}: order {g.Key} listed {g.Count()} times"));
            duplicates.AddRange(listed.Where(id => !expected.Contains(id)).Distinct().Select(id => $"{user.Key}: order {id} stands for no key of the run"));
        }

        var payments = new List<string>();
        foreach (var order in stored)
        {
            var orderId = order.GetProperty("orderId").GetString()!;
            var status = order.GetProperty("status").GetString();
            var payment = await Retry.UntilAsync(() => shop.GetPaymentAsync(orderId, cancellationToken), ReadWindow, cancellationToken);
            if (status == "rejected")
            {
                if (payment is not null)
                    payments.Add($"{orderId}: rejected for stock but has payment {payment.Value.GetProperty("payment_id").GetString()}");
                continue;
            }
            if (status is not ("confirmed" or "payment_failed"))
                continue;
            var expectedStatus = status == "confirmed" ? "payment.succeeded" : "payment.failed";
            if (payment is not { } p)
                payments.Add($"{orderId}: {status} without a payment");
            else if (p.GetProperty("status").GetString() != expectedStatus || p.GetProperty("amount").GetDecimal() != order.GetProperty("total").GetDecimal()
                || p.GetProperty("payment_id").GetString() != order.GetProperty("payment").GetProperty("payment_id").GetString())
                payments.Add($"{orderId}: {status} {order.GetProperty("total").GetDecimal()} but payment {p.GetProperty("payment_id").GetString()} is {p.GetProperty("status").GetString()} {p.GetProperty("amount").GetDecimal()}");
        }

        var oversell = new List<string>();
        foreach (var sku in options.Skus)
        {
            var sold = stored.Where(o => o.GetProperty("status").GetString() == "confirmed")
                .SelectMany(o => o.GetProperty("items").EnumerateArray())
                .Where(i => string.Equals(i.GetProperty("sku").GetString(), sku, StringComparison.OrdinalIgnoreCase))
                .Sum(i => i.GetProperty("quantity").GetInt32());
            var after = await Retry.UntilAsync(() => shop.GetInventoryAsync(sku, cancellationToken), ReadWindow, cancellationToken);
            var committed = after.GetProperty("committed").GetInt32() - inventoryBefore[sku].GetProperty("committed").GetInt32();
            var (reserved, available, onHand) = (after.GetProperty("reserved").GetInt32(), after.GetProperty("available").GetInt32(), after.GetProperty("on_hand").GetInt32());
            if (committed != sold || committed > options.StockPerSku || reserved != 0 || available < 0 || onHand != options.StockPerSku - committed)
                oversell.Add($"{sku}: stock {options.StockPerSku}, confirmed orders hold {sold}, committed {committed}, reserved {reserved}, available {available}, on hand {onHand}");
        }

        var acknowledged = records.Count(r => r.Acknowledged is not null);
        return new FaultReport
        {
            Checkouts = records.Count,
            Acknowledged = acknowledged,
            Unacknowledged = records.Count - acknowledged,
            Outcomes = stored.GroupBy(o => o.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count()),
            Lost = lost,
            DuplicateOrders = duplicates,
            PaymentProblems = payments,
            Oversell = oversell,
            NotFinal = stored.Count(o => !FaultDrillRunner.IsFinal(o.GetProperty("status").GetString())),
        };
    }
}
