using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Invariants;

/// <summary>One named check with the numbers it compared.</summary>
public sealed record InvariantCheck(string Name, bool Passed, string Detail);

/// <summary>One SKU's state before and after, what the client did to it, and the checks that relate them.</summary>
public sealed record SkuInvariants(string Sku, StockLevel? Initial, StockLevel? Final, SkuTally Client, IReadOnlyList<InvariantCheck> Checks)
{
    public bool Passed => Checks.All(check => check.Passed);
}
