namespace K8Shop.Grains.Recommendations;

/// <summary>The grain storage the sales ranking persists to: PostgreSQL (ADO.NET) in the cluster profile, memory in embedded mode.</summary>
public static class RecommendationStorage
{
    public const string Name = "recommendations";
}
