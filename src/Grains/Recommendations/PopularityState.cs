namespace K8Shop.Grains.Recommendations;

/// <summary>Units sold per SKU (upper-case) and the latest events applied, oldest first.</summary>
[GenerateSerializer, Alias("k8shop.recommendations.PopularityState")]
public sealed class PopularityState
{
    [Id(0)] public Dictionary<string, long> Units { get; set; } = [];

    [Id(1)] public List<AppliedSale> Recent { get; set; } = [];
}

/// <summary>An event the tally applied: its message id, its order, and whether it returned units (a cancellation).</summary>
[GenerateSerializer, Immutable, Alias("k8shop.recommendations.AppliedSale")]
public sealed record AppliedSale(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] bool Returned);
