namespace K8Shop.LoadGen.Ledger;

/// <summary>Where an order stands as far as the client knows; the *InDoubt states wait for reconciliation.</summary>
public enum OrderState
{
    Pending,
    NotGranted,
    Reserved,
    Released,
    Committed,
    ReserveInDoubt,
    ReleaseInDoubt,
    CommitInDoubt,
}
