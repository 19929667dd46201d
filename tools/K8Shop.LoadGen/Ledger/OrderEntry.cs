namespace K8Shop.LoadGen.Ledger;

/// <summary>
/// What the client knows about one order id. Only the operation that opened it writes it, then reconciliation
/// once the load has stopped, so it needs no lock.
/// </summary>
public sealed class OrderEntry(string sku, int quantity)
{
    public string Sku { get; } = sku;
    public int Quantity { get; } = quantity;
    public OrderState State { get; private set; } = OrderState.Pending;

    /// <summary>Grants seen for this order id from first reserves (not repeats); more than one is a duplicate grant.</summary>
    public int Grants { get; private set; }

    /// <summary>Repeated reserves that did not answer with the same reservation.</summary>
    public int RepeatMismatches { get; private set; }

    /// <summary>"not_reserved" answers for a reservation the client held, which the server must have lost.</summary>
    public int LostReservations { get; private set; }

    public bool InDoubt => State is OrderState.Pending or OrderState.ReserveInDoubt or OrderState.ReleaseInDoubt or OrderState.CommitInDoubt;

    public void Granted()
    {
        Grants++;
        if (State is OrderState.Pending or OrderState.ReserveInDoubt)
            State = OrderState.Reserved;
    }

    public void NotGranted()
    {
        if (State is OrderState.Pending or OrderState.ReserveInDoubt)
            State = OrderState.NotGranted;
    }

    public void ReserveInDoubt()
    {
        if (State == OrderState.Pending)
            State = OrderState.ReserveInDoubt;
    }

    public void Released() => State = OrderState.Released;

    public void Committed() => State = OrderState.Committed;

    public void ReleaseInDoubt() => State = OrderState.ReleaseInDoubt;

    public void CommitInDoubt() => State = OrderState.CommitInDoubt;

    public void RepeatMismatched() => RepeatMismatches++;

    public void LostReservation() => LostReservations++;
}
