using System.Collections.Concurrent;
using K8Shop.Contracts.Inventory;
using Xunit.Abstractions;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

/// <summary>Many clients on one SKU at once: it never oversells and ends consistent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainConcurrencyTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    [Fact]
    public async Task Reserve_32ClientsMixing2000Operations_NeverOversellsAndEndsConsistent()
    {
        const int Stock = 100, Clients = 32, Operations = 2_000, CommitBudget = 60;
        var (_, grain) = await NewSku(Stock);
        var tally = new object();
        int outstanding = 0, mostOutstanding = 0, outOfStock = 0, remaining = Operations;
        long committed = 0;
        var wrong = new ConcurrentQueue<string>();
        var holdings = new Dictionary<string, int>[Clients];

        // Units held or sold as the clients know them: raised after a grant is answered, lowered before a release is
        // sent, so never above what the grain holds; the grain may never have granted more than its stock. An order
        // granted twice (two fresh reserves of one order at once, or a retry of a held order) would show in the end
        // as reserved units no client holds.
        void Take(int units)
        {
            lock (tally)
            {
                outstanding += units;
                mostOutstanding = Math.Max(mostOutstanding, outstanding);
            }
        }

        async Task ReserveFresh(Dictionary<string, int> held, Random random, bool twiceAtOnce)
        {
            var order = NewOrder();
            var quantity = random.Next(1, 4);
            var answers = twiceAtOnce
                ? await Task.WhenAll(grain.ReserveAsync(order, quantity, Ttl), grain.ReserveAsync(order, quantity, Ttl))
                : new[] { await grain.ReserveAsync(order, quantity, Ttl) };
            foreach (var answer in answers)
            {
                var plausible = answer.Status switch
                {
                    ReservationStatus.Reserved => answer.Quantity == quantity && answer.Available >= 0,
                    ReservationStatus.OutOfStock => answer.Available < quantity,
                    _ => false,
                };
                if (!plausible)
                    wrong.Enqueue($"{order}: fresh reserve of {quantity} answered {answer}");
            }
            if (answers.Any(a => a.Status == ReservationStatus.Reserved))
            {
                held[order] = quantity;
                Take(quantity);
            }
            else
            {
                Interlocked.Increment(ref outOfStock);
            }
        }

        async Task Client(int id)
        {
            var random = new Random(id);
            var held = new Dictionary<string, int>();
            holdings[id] = held;
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var roll = random.Next(100);
                if (held.Count == 0 || roll < 40)
                {
                    await ReserveFresh(held, random, twiceAtOnce: roll % 10 == 0);
                    continue;
                }

                var (order, quantity) = held.ElementAt(random.Next(held.Count));
                if (roll < 50)
                {
                    var retry = await grain.ReserveAsync(order, random.Next(1, 4), Ttl);
                    if ((retry.Status, retry.Quantity) != (ReservationStatus.Reserved, quantity))
                        wrong.Enqueue($"{order}: retried reserve of a held order answered {retry}");
                }
                else if (roll < 93 || Interlocked.Read(ref committed) >= CommitBudget)
                {
                    held.Remove(order);
                    Take(-quantity);
                    var release = await grain.ReleaseAsync(order);
                    if ((release.Status, release.Quantity) != (ReservationStatus.Released, quantity))
                        wrong.Enqueue($"{order}: release answered {release}");
                }
                else
                {
                    held.Remove(order);
                    var commit = await grain.CommitAsync(order);
                    if ((commit.Status, commit.Quantity) != (ReservationStatus.Committed, quantity))
                        wrong.Enqueue($"{order}: commit answered {commit}");
                    Interlocked.Add(ref committed, quantity);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(id => Task.Run(() => Client(id))));
        var view = await grain.GetAsync();
        output.WriteLine($"most units out at once {mostOutstanding}, sold {committed}, refused reserves {outOfStock}, end {view}");

        Assert.Empty(wrong);
        Assert.InRange(mostOutstanding, 1, Stock);
        Assert.True(outOfStock > 0, "the clients never ran the SKU out of stock");
        Assert.True(committed > 0, "no order was committed");
        Assert.Equal(Stock - committed, view.OnHand);
        Assert.Equal(committed, view.Committed);
        Assert.Equal(holdings.Sum(h => h.Values.Sum()), view.Reserved);
        Assert.Equal(view.OnHand - view.Reserved, view.Available);
        Assert.InRange(view.Available, 0, Stock);
    }
}
