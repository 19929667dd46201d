namespace K8Shop.LoadGen.Scenarios;

/// <summary>The inventory calls an operation makes; each is timed, counted and entered in the run's ledger.</summary>
public interface IInventorySession
{
    /// <summary>Reserves under a fresh order id; null when rejected or failed.</summary>
    Task<Reservation?> ReserveAsync(string sku, int quantity);

    /// <summary>Sends the same reserve again; the server must answer with the same reservation and take no more stock.</summary>
    Task RepeatReserveAsync(Reservation reservation);

    Task ReleaseAsync(Reservation reservation);

    Task CommitAsync(Reservation reservation);
}

/// <summary>A reservation the server granted.</summary>
public sealed record Reservation(string OrderId, string Sku, int Quantity);
