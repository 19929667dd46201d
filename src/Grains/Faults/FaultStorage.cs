namespace K8Shop.Grains.Faults;

/// <summary>The grain storage the switchboard persists to: PostgreSQL (ADO.NET) in the cluster profile, memory in embedded mode.</summary>
public static class FaultStorage
{
    public const string Name = "faults";
}
