namespace K8Shop.Grains.Notifications;

/// <summary>The grain storage notification state persists to: PostgreSQL (ADO.NET) in the cluster profile, memory in embedded mode.</summary>
public static class NotificationStorage
{
    public const string Name = "notifications";
}
