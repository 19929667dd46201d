namespace K8Shop.Grains.Notifications;

/// <summary>Notification settings; section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// Shoppers without a stored e-mail address are written to <c>userId@DefaultEmailDomain</c> (dev and tests);
    /// empty: they get no e-mail until they give one.
    /// </summary>
    public string DefaultEmailDomain { get; set; } = "example.test";

    /// <summary>
    /// How many notifications a shopper's history keeps; their message ids are the ones a redelivery is recognised
    /// by, so this bounds the dedupe memory too.
    /// </summary>
    public int MaxEntries { get; set; } = 1000;

    /// <summary>Where shoppers are sent to see their orders, in the e-mails.</summary>
    public string ShopUrl { get; set; } = "http://127.0.0.1:8080";
}
