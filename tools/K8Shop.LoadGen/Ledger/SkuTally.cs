namespace K8Shop.LoadGen.Ledger;

/// <summary>One SKU's totals over every order of the run, warmup included, after reconciliation.</summary>
public sealed record SkuTally(
    string Sku,
    long Orders,
    long Grants,
    long GrantedUnits,
    long ReleasedUnits,
    long CommittedUnits,
    long DuplicateGrants,
    long RepeatMismatches,
    long LostReservations,
    long InDoubt)
{
    /// <summary>Units the client still holds reserved: granted, neither released nor committed.</summary>
    public long OutstandingUnits => GrantedUnits - ReleasedUnits - CommittedUnits;

    public static SkuTally Empty(string sku) => new(sku, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
