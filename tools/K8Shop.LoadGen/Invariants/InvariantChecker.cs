using K8Shop.LoadGen.Inventory;
using K8Shop.LoadGen.Ledger;

namespace K8Shop.LoadGen.Invariants;

/// <summary>
/// Relates a SKU's state before and after the run to what the client did, assuming nothing else touched the SKU
/// and no reservation expired. With G granted, R released and C committed units, and O = G - R - C still held:
/// a grant takes a unit from available into reserved; a release moves it back; a commit removes it from reserved
/// and on_hand alike (it is sold), leaving available alone. So at the end
/// <list type="bullet">
/// <item>no oversell: G - R (held or sold) never exceeded the initial available, and available is not negative;</item>
/// <item>reserved = initial reserved + O;</item>
/// <item>on_hand = initial on_hand - C;</item>
/// <item>available = initial available - O - C (= initial available - (G - R));</item>
/// <item>no duplicate grants: each order id was granted once, and repeated reserves returned the same reservation.</item>
/// </list>
/// Orders whose outcome is still in doubt make the stock checks unprovable, so they fail.
/// </summary>
public static class InvariantChecker
{
    public const string NoOversell = "no oversell";
    public const string ReservedMatches = "reserved";
    public const string OnHandMatches = "on hand";
    public const string AvailableMatches = "available";
    public const string NoDuplicateGrants = "no duplicate grants";

    public static SkuInvariants Check(StockLevel initial, StockLevel final, SkuTally client)
    {
        var held = client.OutstandingUnits;
        var committed = client.CommittedUnits;
        var heldOrSold = client.GrantedUnits - client.ReleasedUnits;
        var doubt = client.InDoubt == 0 ? "" : $"{client.InDoubt} order(s) still in doubt, so unprovable; ";

        var expectedReserved = initial.Reserved + held;
        var expectedOnHand = initial.OnHand - committed;
        var expectedAvailable = initial.Available - held - committed;
        var clean = client.InDoubt == 0;
        InvariantCheck[] checks =
        [
            new(NoOversell, clean && heldOrSold <= initial.Available && final.Available >= 0,
                $"{doubt}granted {client.GrantedUnits} - released {client.ReleasedUnits} = {heldOrSold} {(heldOrSold <= initial.Available ? "<=" : ">")} initial available {initial.Available}; final available {final.Available} {(final.Available >= 0 ? ">=" : "<")} 0"),
            new(ReservedMatches, clean && final.Reserved == expectedReserved,
                $"{doubt}final {final.Reserved} {Equal(final.Reserved, expectedReserved)} initial {initial.Reserved} + outstanding {held} = {expectedReserved}"),
            new(OnHandMatches, clean && final.OnHand == expectedOnHand,
                $"{doubt}final {final.OnHand} {Equal(final.OnHand, expectedOnHand)} initial {initial.OnHand} - committed {committed} = {expectedOnHand}"),
            new(AvailableMatches, clean && final.Available == expectedAvailable,
                $"{doubt}final {final.Available} {Equal(final.Available, expectedAvailable)} initial {initial.Available} - outstanding {held} - committed {committed} = {expectedAvailable}"),
            new(NoDuplicateGrants, client.DuplicateGrants == 0 && client.RepeatMismatches == 0,
                $"{client.Grants} order id(s) granted; {client.DuplicateGrants} granted more than once; {client.RepeatMismatches} repeated reserve(s) not answered with the same reservation"),
        ];
        return new SkuInvariants(client.Sku, initial, final, client, checks);
    }

    private static string Equal(long actual, long expected) => actual == expected ? "==" : "!=";

    /// <summary>The final state could not be read, so nothing about the SKU can be shown to hold.</summary>
    public static SkuInvariants Unreadable(StockLevel initial, SkuTally client, CallFailure failure) =>
        new(client.Sku, initial, null, client, [new InvariantCheck("final state", false, $"GET /inventory/{client.Sku} failed: {failure}")]);
}
