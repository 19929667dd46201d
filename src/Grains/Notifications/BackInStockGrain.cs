using K8Shop.Contracts.Ids;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Notifications;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace K8Shop.Grains.Notifications;

/// <summary>
/// Shoppers waiting for one SKU. Events that name the SKU make it look at the inventory grain (the one source of
/// truth for stock); when a look finds units available after one that found none, every waiting shopper is notified
/// once (the message id is derived from the registration, so a crash mid-way never notifies twice) and forgotten.
/// </summary>
public sealed partial class BackInStockGrain(
    [PersistentState("backInStock", NotificationStorage.Name)] IPersistentState<BackInStockState> state,
    TimeProvider clock,
    ILogger<BackInStockGrain> logger) : Grain, IBackInStockGrain
{
    private static readonly Guid MessageIdNamespace = new("0c1f7e52-3b8d-4a96-8e2f-61d4b9a7c305");

    private string Sku => this.GetPrimaryKeyString();

    public async Task<BackInStockSubscription> SubscribeAsync(string userId)
    {
        if (!ContactRules.IsUserId(userId))
            throw new ContactRuleException("userId", $"must be 1 to {ContactRules.MaxUserIdLength} characters");
        var available = (await Inventory().GetAsync()).Available;
        var subscription = state.State.Waiting.FirstOrDefault(s => s.UserId == userId);
        if (subscription is null)
        {
            subscription = new BackInStockSubscription(userId, Sku, clock.GetUtcNow());
            state.State.Waiting = state.State.Waiting.Add(subscription);
            LogSubscribed(Sku, userId, available);
        }
        await ObserveAsync(available, mustWrite: true);
        return subscription;
    }

    public async Task<int> CheckAsync()
    {
        if (state.State.Waiting.IsEmpty)
            return 0;
        return await ObserveAsync((await Inventory().GetAsync()).Available, mustWrite: false);
    }

    private async Task<int> ObserveAsync(int available, bool mustWrite)
    {
        if (available <= 0 || !state.State.OutOfStock)
        {
            var outOfStock = available <= 0;
            if (mustWrite || state.State.OutOfStock != outOfStock)
            {
                state.State.OutOfStock = outOfStock;
                await state.WriteStateAsync();
            }
            return 0;
        }

        var waiting = state.State.Waiting;
        foreach (var subscription in waiting)
        {
            await GrainFactory.GetGrain<INotificationGrain>(subscription.UserId).NotifyAsync(new NotificationRequest(
                MessageIdOf(subscription), NotificationTemplate.BackInStock, null, Sku, [], null, null));
        }
        state.State.Waiting = state.State.Waiting.RemoveRange(waiting);
        state.State.OutOfStock = false;
        await state.WriteStateAsync();
        LogNotified(Sku, waiting.Length, available);
        return waiting.Length;
    }

    /// <summary>One registration, one message id: the same on every attempt to tell this shopper.</summary>
    public static string MessageIdOf(BackInStockSubscription subscription) =>
        NameBasedGuid.Create(MessageIdNamespace, $"{subscription.Sku}|{subscription.UserId}|{subscription.RegisteredAt.UtcTicks}").ToString();

    private IInventorySkuGrain Inventory() => GrainFactory.GetGrain<IInventorySkuGrain>(Sku);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} waits for SKU {Sku} ({Available} available now)")]
    private partial void LogSubscribed(string sku, string userId, int available);

    [LoggerMessage(Level = LogLevel.Information, Message = "SKU {Sku} is back in stock ({Available} available): {Count} shoppers notified")]
    private partial void LogNotified(string sku, int count, int available);
}
