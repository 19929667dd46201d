using K8Shop.LoadGen.Checkout;
using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Running;

/// <summary>
/// Settles the checkouts whose order ended in doubt (no answer after every retry, or an answer in a state between
/// start and end), after the load has stopped, by sending the same order again with the same key: the server
/// answers with the order if it exists (resuming a saga cut short), or places it now from the cart it left
/// untouched; either way the answer is final. 422 means there was nothing to order. Not part of the figures.
/// </summary>
public sealed class CheckoutReconciler(CheckoutClient client, CheckoutLedger ledger)
{
    private const int Attempts = 3;
    private const int Parallelism = 8;

    private int _settled;
    private int _notPlaced;

    public async Task<CheckoutReconciliation> RunAsync()
    {
        var remaining = ledger.InDoubtEntries();
        var inDoubt = remaining.Count;
        for (var attempt = 1; attempt <= Attempts && remaining.Count > 0; attempt++)
        {
            if (attempt > 1)
                await Task.Delay(TimeSpan.FromMilliseconds(500 * (attempt - 1)));
            await Parallel.ForEachAsync(remaining, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (entry, _) => await SettleAsync(entry));
            remaining = ledger.InDoubtEntries();
        }
        return new CheckoutReconciliation(inDoubt, _settled, _notPlaced, remaining.Count);
    }

    private async Task SettleAsync(CheckoutEntry entry)
    {
        var result = await client.PlaceOrderAsync(entry.ShopperTokens, entry.UserId, entry.PaymentToken, entry.IdempotencyKey);
        if (result.Reply is { } reply && ReplyChecks.IsOrderReply(reply, entry.UserId))
        {
            entry.Answered(reply);
            ledger.Answered(entry);
            if (entry.Settled)
                Interlocked.Increment(ref _settled);
        }
        else if (result.Failure is { Kind: ErrorKind.HttpOther, StatusCode: 422 })
        {
            ledger.NotPlaced(entry);
            Interlocked.Increment(ref _notPlaced);
        }
    }
}

/// <summary>How many checkouts ended in doubt, and what sending their order again showed.</summary>
public sealed record CheckoutReconciliation(int InDoubt, int Settled, int NotPlaced, int Unresolved);
