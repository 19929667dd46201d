namespace K8Shop.Contracts.Faults;

/// <summary>
/// Narrows a fault to one SKU, one user and/or one node (a silo's or gateway's instance name); a null field matches
/// anything. At an injection point the same record says what the call is about (the SKU reserved, the user paying).
/// </summary>
[GenerateSerializer, Immutable, Alias("k8shop.faults.FaultScope")]
public sealed record FaultScope(
    [property: Id(0)] string? Sku = null,
    [property: Id(1)] string? User = null,
    [property: Id(2)] string? Silo = null)
{
    /// <summary>No narrowing: the call is about nothing in particular.</summary>
    public static FaultScope None { get; } = new();

    public static FaultScope ForSku(string sku) => new(Sku: sku);

    public static FaultScope ForUser(string? user) => user is null ? None : new(User: user);

    public bool IsEmpty => Sku is null && User is null && Silo is null;
}
