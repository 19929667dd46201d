namespace K8Shop.LoadGen.Scenarios;

/// <summary>Reserves one line for a fresh order and, when granted, maybe repeats the reserve, then releases, commits or holds it.</summary>
public sealed record ReserveThenSettle(string Sku, int Quantity, Settlement Settlement, bool RepeatReserve) : IOperation
{
    public async Task RunAsync(IShopSession session)
    {
        if (await session.ReserveAsync(Sku, Quantity) is not { } reservation)
            return;
        if (RepeatReserve)
            await session.RepeatReserveAsync(reservation);
        if (Settlement == Settlement.Release)
            await session.ReleaseAsync(reservation);
        else if (Settlement == Settlement.Commit)
            await session.CommitAsync(reservation);
    }
}
