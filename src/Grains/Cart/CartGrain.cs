using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Durability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace K8Shop.Grains.Cart;

/// <summary>
/// A shopper's cart. Changes go through <see cref="CartRules"/>, are persisted, and only then answered; a
/// failed write restores the previous state and deactivates the grain so the next call re-reads the store.
/// </summary>
public sealed partial class CartGrain(
    [PersistentState("cart", CartStorage.Name)] IPersistentState<CartState> state,
    IOptions<CartOptions> options,
    TimeProvider clock,
    ILogger<CartGrain> logger) : Grain, ICartGrain
{
    private readonly CartOptions _limits = options.Value;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<CartView> GetAsync()
    {
        await ForgetIfAbandonedAsync();
        return View();
    }

    public async Task<CartView> AddItemAsync(string productId, int quantity)
    {
        await ForgetIfAbandonedAsync();
        var product = await GrainFactory.GetGrain<ICatalogGrain>(0).GetPriceAsync(productId);
        if (product is null)
            throw new CartRuleException("productId", $"'{productId}' is not a SKU in the catalog");
        await SaveAsync(CartRules.Add(state.State, new CartLine(product.Sku, quantity, product.Price, product.Title), _limits, clock.GetUtcNow()));
        return View();
    }

    public async Task<CartView> SetQuantityAsync(string productId, int quantity)
    {
        await ForgetIfAbandonedAsync();
        await SaveAsync(CartRules.SetQuantity(state.State, productId, quantity, _limits, clock.GetUtcNow()));
        return View();
    }

    public async Task<CartView> RemoveItemAsync(string productId)
    {
        await ForgetIfAbandonedAsync();
        await SaveAsync(CartRules.Remove(state.State, productId, clock.GetUtcNow()));
        return View();
    }

    public async Task<CartView> RemoveItemsAsync(IReadOnlyList<string> productIds)
    {
        await ForgetIfAbandonedAsync();
        var now = clock.GetUtcNow();
        await SaveAsync(productIds.Aggregate(state.State, (cart, productId) => CartRules.Remove(cart, productId, now)));
        // An order took these lines out; a cart it emptied has nothing worth keeping in memory (see GrainLifetimes).
        if (state.State.Lines.IsEmpty)
            DeactivateOnIdle();
        return View();
    }

    public async Task<CartView> CheckoutAsync()
    {
        await ForgetIfAbandonedAsync();
        var snapshot = View();
        await EmptyAsync();
        return snapshot;
    }

    public async Task<CartView> ClearAsync()
    {
        await ForgetIfAbandonedAsync();
        await EmptyAsync();
        return View();
    }

    public async Task<CartView> MergeFromAsync(string guestId)
    {
        if (string.Equals(guestId, UserId, StringComparison.Ordinal))
            throw new CartRuleException("guestId", "must name another cart than the one merged into");
        await ForgetIfAbandonedAsync();
        var guest = GrainFactory.GetGrain<ICartGrain>(guestId);
        var snapshot = await guest.SnapshotAsync();
        await SaveAsync(CartRules.Merge(state.State, guestId, snapshot, _limits, clock.GetUtcNow()));
        // Recorded first, released second: a crash in between leaves a retry that adds nothing and releases.
        if (CartRules.AlreadyMerged(state.State, guestId, snapshot.Revision))
        {
            await guest.ReleaseMergedAsync(snapshot.Revision);
            LogMerged(UserId, guestId, snapshot.Items.Length);
        }
        return View();
    }

    public async Task<CartSnapshot> SnapshotAsync()
    {
        await ForgetIfAbandonedAsync();
        return new CartSnapshot(state.State.Revision, [.. state.State.Lines.Select(CartRules.ToView)]);
    }

    public async Task ReleaseMergedAsync(Guid revision)
    {
        if (state.State.Revision == revision && !state.State.IsEmpty)
            await EmptyAsync();
    }

    private CartView View() => CartRules.View(UserId, state.State);

    private async Task ForgetIfAbandonedAsync()
    {
        if (!CartRules.IsAbandoned(state.State, _limits, clock.GetUtcNow()))
            return;
        // The store may have expired the record already; only what it still holds needs deleting.
        await state.ReadStateAsync();
        if (state.RecordExists)
            await state.ClearStateAsync();
        state.State = CartState.Empty;
        LogAbandoned(UserId);
    }

    private async Task EmptyAsync()
    {
        var current = state.State;
        if (current.IsEmpty)
            return;
        // Keep the merge memory while it matters; otherwise delete the record, leaving nothing behind.
        if (current.MergedGuests.IsEmpty)
        {
            await state.ClearOrReloadAsync(this, CartState.Empty);
        }
        else
        {
            await SaveAsync(current with { Lines = [], Revision = Guid.NewGuid(), LastModified = clock.GetUtcNow() });
        }
    }

    private Task SaveAsync(CartState next) =>
        ReferenceEquals(next, state.State) ? Task.CompletedTask : state.WriteOrReloadAsync(this, next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart {UserId} abandoned past its idle expiry; emptied")]
    private partial void LogAbandoned(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart {GuestId} merged into cart {UserId} ({LineCount} lines)")]
    private partial void LogMerged(string userId, string guestId, int lineCount);
}
