using K8Shop.Contracts.Orders;
using K8Shop.Grains.Orders;
using K8Shop.Grains.Orders.Table;
using K8Shop.IntegrationTests.Catalog;
using K8Shop.Silo.Orders;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.IntegrationTests.Orders;

/// <summary>Both order tables held to the same behaviour: optimistic writes, and a shopper's orders newest first.</summary>
[Collection(CatalogDatabaseCollection.Name)]
public sealed class OrderTableTests(MigratedCatalogDatabase database)
{
    internal static readonly IServiceProvider Serialization = new ServiceCollection()
        .AddSerializer(s => s.AddAssembly(typeof(OrderState).Assembly))
        .BuildServiceProvider();

    internal static readonly Serializer<OrderState> Serializer = Serialization.GetRequiredService<Serializer<OrderState>>();

    internal static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private readonly MemoryOrderTable _memory = new(Serializer);

    /// <summary>The tables to run against: PostgreSQL's only where it is reachable (always under CI).</summary>
    public static TheoryData<string> Tables => new(CatalogStores.StoreNames);

    private IOrderTable Get(string name) => name == CatalogStores.Postgres ? new PostgresOrderTable(database.DataSource, Serializer) : _memory;

    internal static OrderState Order(string userId, DateTimeOffset createdAt, OrderStatus status = OrderStatus.Pending) => new()
    {
        UserId = userId,
        Lines = [new OrderLine("BOOK-001", "A book", 2, 12.5m, 25m)],
        Total = 25m,
        ItemCount = 2,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
        Status = status,
        RequestHash = "hash",
        Timeline = [new OrderTransition(OrderStatus.Pending, createdAt, null)],
    };

    private static string NewId() => Guid.NewGuid().ToString("D");

    private static string NewUser() => $"table-{Guid.NewGuid():N}"[..24];

    [Theory, MemberData(nameof(Tables))]
    public async Task An_order_never_written_reads_as_nothing(string table)
    {
        var orders = Get(table);
        Assert.Null(await orders.ReadAsync(NewId()));
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task A_written_order_reads_back_whole_at_version_one_then_two(string table)
    {
        var orders = Get(table);
        var id = NewId();
        var placed = Order(NewUser(), Start);

        Assert.Equal(1, await orders.WriteAsync(id, placed, null));
        var read = await orders.ReadAsync(id);
        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(placed.UserId, read.Order.UserId);
        Assert.Equal(placed.Lines.Select(l => (l.Sku, l.Title, l.Quantity, l.Price, l.Total)), read.Order.Lines.Select(l => (l.Sku, l.Title, l.Quantity, l.Price, l.Total)));
        Assert.Equal(placed.Timeline.Select(t => (t.Status, t.At)), read.Order.Timeline.Select(t => (t.Status, t.At)));
        Assert.Equal((placed.Total, placed.CreatedAt), (read.Order.Total, read.Order.CreatedAt));

        var confirmed = placed with { Status = OrderStatus.Confirmed };
        Assert.Equal(2, await orders.WriteAsync(id, confirmed, 1));
        Assert.Equal(OrderStatus.Confirmed, (await orders.ReadAsync(id))!.Order.Status);
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task A_second_first_write_conflicts_and_changes_nothing(string table)
    {
        var orders = Get(table);
        var id = NewId();
        var first = Order(NewUser(), Start);
        await orders.WriteAsync(id, first, null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => orders.WriteAsync(id, first with { Status = OrderStatus.Cancelled }, null));

        var stored = await orders.ReadAsync(id);
        Assert.Equal((OrderStatus.Pending, 1L), (stored!.Order.Status, stored.Version));
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task A_write_from_a_stale_version_conflicts_and_changes_nothing(string table)
    {
        var orders = Get(table);
        var id = NewId();
        var placed = Order(NewUser(), Start);
        await orders.WriteAsync(id, placed, null);
        await orders.WriteAsync(id, placed with { Status = OrderStatus.Confirmed }, 1);

        await Assert.ThrowsAsync<InconsistentStateException>(() => orders.WriteAsync(id, placed with { Status = OrderStatus.Cancelled }, 1));

        var stored = await orders.ReadAsync(id);
        Assert.Equal((OrderStatus.Confirmed, 2L), (stored!.Order.Status, stored.Version));
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task A_shoppers_orders_are_listed_newest_first_in_pages_with_their_total_and_no_one_elses(string table)
    {
        var orders = Get(table);
        var (alice, bob) = (NewUser(), NewUser());
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToList();
        for (var i = 0; i < ids.Count; i++)
            await orders.WriteAsync(ids[i], Order(alice, Start.AddMinutes(i)), null);
        await orders.WriteAsync(NewId(), Order(bob, Start.AddMinutes(10)), null);
        // A later write keeps the order where its creation put it.
        await orders.WriteAsync(ids[0], Order(alice, Start) with { Status = OrderStatus.Confirmed }, 1);

        var first = await orders.ListAsync(alice, 0, 2);
        var last = await orders.ListAsync(alice, 4, 2);
        var beyond = await orders.ListAsync(alice, 10, 2);

        Assert.Equal(5, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Orders.Select(o => o.Key));
        Assert.Equal([ids[0]], last.Orders.Select(o => o.Key));
        Assert.Equal(OrderStatus.Confirmed, last.Orders[0].Value.Status);
        Assert.Equal((0, 5), (beyond.Orders.Count, beyond.Total));
        Assert.All(first.Orders, o => Assert.Equal(alice, o.Value.UserId));
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task Orders_created_at_the_same_instant_list_in_a_stable_order(string table)
    {
        var orders = Get(table);
        var user = NewUser();
        var ids = Enumerable.Range(0, 3).Select(_ => NewId()).ToList();
        foreach (var id in ids)
            await orders.WriteAsync(id, Order(user, Start), null);

        var listed = await orders.ListAsync(user, 0, 10);

        Assert.Equal(ids.OrderByDescending(id => id, StringComparer.Ordinal), listed.Orders.Select(o => o.Key));
    }

    [Theory, MemberData(nameof(Tables))]
    public async Task A_shopper_with_no_orders_gets_an_empty_list(string table)
    {
        var orders = Get(table);
        var listed = await orders.ListAsync(NewUser(), 0, 10);
        Assert.Equal((0, 0), (listed.Orders.Count, listed.Total));
    }
}
