using System.Collections.Concurrent;
using K8Shop.Contracts.Inventory;
using Xunit.Abstractions;
using static K8Shop.GrainTests.Inventory.TestSkus;

namespace K8Shop.GrainTests.Inventory;

[Collection(ClusterCollection.Name)]
public sealed class InventorySkuGrainTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    private Task<(string Sku, IInventorySkuGrain Grain)> NewSku(int stock) => CreateGrainAsync(cluster.Grains, stock);

    private static string NewOrder() => $"order-{Guid.NewGuid():N}";

    // First stock

    [Fact]
    public async Task Get_SeedSku_StartsWithTheCatalogStock()
    {
        var view = await cluster.Grains.GetGrain<IInventorySkuGrain>("BOOK-001").GetAsync();

        Assert.Equal(("BOOK-001", 45, 0, 0L), (view.Sku, view.OnHand, view.Reserved, view.Committed));
    }

    [Fact]
    public async Task Get_ProductJustAdded_StartsWithItsStockAndTheDefaultThreshold()
    {
        var (sku, grain) = await NewSku(12);

        var view = await grain.GetAsync();

        Assert.Equal(sku, view.Sku);
        Assert.Equal((12, 0, 0L, 12), Counters(view));
        Assert.Equal(ClusterFixture.InventoryLimits.DefaultLowStockThreshold, view.LowStockThreshold);
    }

    [Fact]
    public async Task Get_SkuNotInTheCatalog_ThrowsNotFoundOnSku()
    {
        var grain = cluster.Grains.GetGrain<IInventorySkuGrain>($"NO-SUCH-{Guid.NewGuid():N}".ToUpperInvariant());

        var error = await Assert.ThrowsAsync<InventoryRuleException>(grain.GetAsync);

        Assert.Equal(("sku", true), (error.Field, error.NotFound));
    }

    [Fact]
    public async Task Reserve_SkuNotInTheCatalog_ThrowsNotFound()
    {
        var grain = cluster.Grains.GetGrain<IInventorySkuGrain>($"NO-SUCH-{Guid.NewGuid():N}".ToUpperInvariant());

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), 1, Ttl));

        Assert.True(error.NotFound);
    }

    // Input rules

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_001)]
    public async Task Reserve_QuantityOutside1To1000_ThrowsOnQtyAndReservesNothing(int quantity)
    {
        var (_, grain) = await NewSku(5_000);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), quantity, Ttl));

        Assert.Equal(("qty", false), (error.Field, error.NotFound));
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(86_401)]
    public async Task Reserve_TimeToLiveOutside1sTo1Day_ThrowsOnTtlSeconds(int seconds)
    {
        var (_, grain) = await NewSku(10);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.ReserveAsync(NewOrder(), 1, TimeSpan.FromSeconds(seconds)));

        Assert.Equal("ttl_seconds", error.Field);
        Assert.Equal(0, (await grain.GetAsync()).Reserved);
    }

    // Idempotency

    [Fact]
    public async Task Reserve_SameOrderTwice_HoldsOneReservation()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var first = await grain.ReserveAsync(order, 3, Ttl);
        var second = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(first, second);
        Assert.Equal((ReservationStatus.Reserved, 3, 7), (first.Status, first.Quantity, first.Available));
        Assert.Equal((10, 3, 0L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_SameOrder20TimesAtOnce_HoldsOneReservation()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.ReserveAsync(order, 2, Ttl)));

        Assert.All(answers, a => Assert.Equal((ReservationStatus.Reserved, 2), (a.Status, a.Quantity)));
        Assert.Single(answers.Select(a => a.ExpiresAt).Distinct());
        Assert.Equal((10, 2, 0L, 8), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Commit_Twice_SellsTheUnitsOnce()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);

        var first = await grain.CommitAsync(order);
        var second = await grain.CommitAsync(order);

        Assert.Equal((ReservationStatus.Committed, 3), (first.Status, first.Quantity));
        Assert.Equal(first, second);
        Assert.Equal((7, 0, 3L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Release_Twice_ReturnsTheUnitsOnce()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);

        var first = await grain.ReleaseAsync(order);
        var second = await grain.ReleaseAsync(order);

        Assert.Equal((ReservationStatus.Released, 3), (first.Status, first.Quantity));
        Assert.Equal((ReservationStatus.NotReserved, 0), (second.Status, second.Quantity));
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_AfterCommit_AnswersCommittedAndTakesNothingMore()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        await grain.ReserveAsync(order, 3, Ttl);
        await grain.CommitAsync(order);

        var again = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(ReservationStatus.Committed, again.Status);
        Assert.Equal((7, 0, 3L, 7), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_ArrivingAfterItsOrdersRelease_AnswersOrderClosedAndTakesNothing()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();

        var release = await grain.ReleaseAsync(order);
        var late = await grain.ReserveAsync(order, 3, Ttl);

        Assert.Equal(ReservationStatus.NotReserved, release.Status);
        Assert.Equal(ReservationStatus.OrderClosed, late.Status);
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }

    // Expiry

    [Fact]
    public async Task Get_ReservationPastItsTtl_ShowsTheUnitsAvailableAgainAndItsCommitAnswersNotReserved()
    {
        var (_, grain) = await NewSku(10);
        var order = NewOrder();
        var reserved = await grain.ReserveAsync(order, 4, TimeSpan.FromSeconds(60));
        var beforeExpiry = await grain.GetAsync();

        cluster.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await grain.GetAsync();
        var commit = await grain.CommitAsync(order);

        Assert.Equal(ReservationStatus.Reserved, reserved.Status);
        Assert.Equal((10, 4, 0L, 6), Counters(beforeExpiry));
        Assert.Equal((10, 0, 0L, 10), Counters(afterExpiry));
        Assert.Equal((ReservationStatus.NotReserved, 0), (commit.Status, commit.Quantity));
        Assert.Equal((10, 0, 0L, 10), Counters(await grain.GetAsync()));
    }

    [Fact]
    public async Task Reserve_SoldOutSkuAfterAnExpiry_TakesTheReturnedUnits()
    {
        var (_, grain) = await NewSku(3);
        await grain.ReserveAsync(NewOrder(), 3, TimeSpan.FromSeconds(30));

        cluster.Clock.Advance(TimeSpan.FromSeconds(31));
        var next = await grain.ReserveAsync(NewOrder(), 3, Ttl);

        Assert.Equal((ReservationStatus.Reserved, 0), (next.Status, next.Available));
        Assert.Equal((3, 3, 0L, 0), Counters(await grain.GetAsync()));
    }

    // Sold out

    [Fact]
    public async Task Reserve_SoldOutSku_AnswersOutOfStockAndLeavesTheStateUntouched()
    {
        var (_, grain) = await NewSku(2);
        await grain.ReserveAsync(NewOrder(), 2, Ttl);
        var soldOut = await grain.GetAsync();

        cluster.Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = await grain.ReserveAsync(NewOrder(), 1, Ttl);
        var after = await grain.GetAsync();

        Assert.Equal((ReservationStatus.OutOfStock, 0), (refused.Status, refused.Available));
        Assert.Null(refused.ExpiresAt);
        Assert.Equal(soldOut, after);
    }

    [Fact]
    public async Task Reserve_MoreThanAvailable_AnswersOutOfStockWithWhatIsAvailable()
    {
        var (_, grain) = await NewSku(5);

        var refused = await grain.ReserveAsync(NewOrder(), 6, Ttl);

        Assert.Equal((ReservationStatus.OutOfStock, 6, 5), (refused.Status, refused.Quantity, refused.Available));
        Assert.Equal((5, 0, 0L, 5), Counters(await grain.GetAsync()));
    }

    // Stock setting

    [Fact]
    public async Task SetStock_BelowReserved_ThrowsOnStockAndChangesNothing()
    {
        var (_, grain) = await NewSku(10);
        await grain.ReserveAsync(NewOrder(), 6, Ttl);
        var before = await grain.GetAsync();

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.SetStockAsync(5, 2));

        Assert.Equal("stock", error.Field);
        Assert.Equal(before, await grain.GetAsync());
    }

    [Fact]
    public async Task SetStock_AboveReserved_SetsOnHandAndThreshold()
    {
        var (_, grain) = await NewSku(10);
        await grain.ReserveAsync(NewOrder(), 6, Ttl);

        var view = await grain.SetStockAsync(8, 2);

        Assert.Equal((8, 6, 0L, 2), Counters(view));
        Assert.True(view.LowStock);
        Assert.Equal(view, await grain.GetAsync());
    }

    [Fact]
    public async Task Restock_PositiveQuantity_AddsToOnHand()
    {
        var (_, grain) = await NewSku(10);

        var view = await grain.RestockAsync(15);

        Assert.Equal((25, 0, 0L, 25), Counters(view));
    }

    [Fact]
    public async Task Restock_Zero_ThrowsOnQuantityAndChangesNothing()
    {
        var (_, grain) = await NewSku(10);

        var error = await Assert.ThrowsAsync<InventoryRuleException>(() => grain.RestockAsync(0));

        Assert.Equal("quantity", error.Field);
        Assert.Equal(10, (await grain.GetAsync()).OnHand);
    }

    // Concurrency

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
