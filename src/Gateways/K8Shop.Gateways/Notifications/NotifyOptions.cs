namespace K8Shop.Gateways.Notifications;

/// <summary><c>POST /notify</c> settings; section <c>Notifications</c>.</summary>
public sealed class NotifyOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The original waited 1.5 s to simulate a send; zero (the default) answers at once.</summary>
    public TimeSpan NotifyDelay { get; set; } = TimeSpan.Zero;
}
