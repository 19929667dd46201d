using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Identity;
using K8Shop.Contracts.Notifications;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
using K8Shop.GrainTests.Orders;

namespace K8Shop.GrainTests.Identity;

/// <summary>
/// Ownership is enforced where the data is: whatever a gateway route forgets, a grain called for one shopper
/// refuses another's cart, notifications, orders and payments, and changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OwnershipGrainTests(ClusterFixture cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task Another_shoppers_cart_refuses_every_call_and_keeps_its_lines()
    {
        var (alice, bob) = (Checkout.NewUser(), Checkout.NewUser());
        var book = await Checkout.BookAsync(Grains, 10);
        await As(alice, () => Grains.GetGrain<ICartGrain>(alice).AddItemAsync(book, 2));

        await As(bob, async () =>
        {
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<ICartGrain>(alice).GetAsync());
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<ICartGrain>(alice).ClearAsync());
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<ICartGrain>(bob).MergeFromAsync(alice));
        });

        var cart = await As(alice, () => Grains.GetGrain<ICartGrain>(alice).GetAsync());
        Assert.Equal(2, cart.ItemCount);
    }

    [Fact]
    public async Task A_guest_cart_is_merged_only_by_the_shopper_holding_that_guest_id()
    {
        var (guest, alice) = ($"guest-{Guid.NewGuid():N}", Checkout.NewUser());
        var book = await Checkout.BookAsync(Grains, 10);
        await As(new Caller(guest, CallerKind.Shopper, guest), () => Grains.GetGrain<ICartGrain>(guest).AddItemAsync(book, 1));

        var merged = await As(new Caller(alice, CallerKind.Shopper, guest), () => Grains.GetGrain<ICartGrain>(alice).MergeFromAsync(guest));

        Assert.Equal(1, merged.ItemCount);
    }

    [Fact]
    public async Task Another_shoppers_contact_cannot_be_read_or_redirected()
    {
        var (alice, mallory) = (Checkout.NewUser(), Checkout.NewUser());
        await As(alice, () => Grains.GetGrain<INotificationGrain>(alice).SetContactAsync(new NotificationContact("alice@example.com", null)));

        await As(mallory, async () =>
        {
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<INotificationGrain>(alice).GetContactAsync());
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<INotificationGrain>(alice).SetContactAsync(new NotificationContact("mallory@example.com", null)));
        });

        var contact = await As(alice, () => Grains.GetGrain<INotificationGrain>(alice).GetContactAsync());
        Assert.Equal("alice@example.com", contact!.Email);
    }

    [Fact]
    public async Task Another_shoppers_order_and_payment_are_not_found_and_cannot_be_cancelled_or_refunded()
    {
        var (alice, mallory) = (Checkout.NewUser(), Checkout.NewUser());
        var book = await Checkout.BookAsync(Grains, 10, 20m);
        var orderId = Checkout.NewOrderId();
        var placed = await As(alice, () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (book, 1))));
        Assert.Equal(OrderStatus.Confirmed, placed.Status);

        await As(mallory, async () =>
        {
            Assert.Null(await Grains.GetGrain<IOrderGrain>(orderId).GetAsync());
            Assert.Null(await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
            await Assert.ThrowsAsync<OrderNotFoundException>(() => Grains.GetGrain<IOrderGrain>(orderId).CancelAsync());
            var refund = await Assert.ThrowsAsync<PaymentStateException>(() => Grains.GetGrain<IPaymentGrain>(orderId).RefundAsync());
            Assert.True(refund.NotFound);
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<IUserOrdersGrain>(alice).ListAsync(0, 10));
        });

        var order = await As(alice, () => Grains.GetGrain<IOrderGrain>(orderId).GetAsync());
        Assert.Equal(OrderStatus.Confirmed, order!.Status);
        Assert.Equal((9, 0, 1L), await Checkout.StockAsync(Grains, book));
    }

    [Fact]
    public async Task A_shopper_cannot_place_an_order_or_a_charge_in_another_shoppers_name()
    {
        var (alice, mallory) = (Checkout.NewUser(), Checkout.NewUser());
        var book = await Checkout.BookAsync(Grains, 10, 20m);
        var orderId = Checkout.NewOrderId();

        await As(mallory, async () =>
        {
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (book, 1))));
            await Assert.ThrowsAsync<NotOwnerException>(() => Grains.GetGrain<IPaymentGrain>(orderId).ChargeAsync(new ChargeRequest(alice, 20m, null)));
        });

        Assert.Null(await Grains.GetGrain<IOrderGrain>(orderId).GetAsync());
        Assert.Null(await Grains.GetGrain<IPaymentGrain>(orderId).GetAsync());
        Assert.Equal((10, 0, 0L), await Checkout.StockAsync(Grains, book));
    }

    [Fact]
    public async Task An_admin_reads_any_shoppers_order()
    {
        var alice = Checkout.NewUser();
        var book = await Checkout.BookAsync(Grains, 10, 20m);
        var orderId = Checkout.NewOrderId();
        await As(alice, () => Grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(Checkout.Command(alice, null, (book, 1))));

        var order = await As(new Caller("operator", CallerKind.Admin), () => Grains.GetGrain<IOrderGrain>(orderId).GetAsync());

        Assert.Equal(alice, order!.UserId);
    }

    private static Task<T> As<T>(string userId, Func<Task<T>> call) => As(new Caller(userId, CallerKind.Shopper), call);

    private static Task As(string userId, Func<Task> call) => As(new Caller(userId, CallerKind.Shopper), async () => { await call(); return 0; });

    private static async Task<T> As<T>(Caller caller, Func<Task<T>> call)
    {
        caller.Enter();
        try
        {
            return await call();
        }
        finally
        {
            Caller.Leave();
        }
    }
}
