namespace K8Shop.Contracts.Notifications;

/// <summary>Wire names of the templates (history, logs).</summary>
public static class NotificationTemplateNames
{
    public static string Of(NotificationTemplate template) => template switch
    {
        NotificationTemplate.OrderConfirmed => "order_confirmed",
        NotificationTemplate.PaymentFailed => "payment_failed",
        NotificationTemplate.OrderShipped => "order_shipped",
        _ => "back_in_stock",
    };

    public static string Of(NotificationStatus status) => status switch
    {
        NotificationStatus.Sending => "sending",
        NotificationStatus.Sent => "sent",
        _ => "no_contact",
    };
}
