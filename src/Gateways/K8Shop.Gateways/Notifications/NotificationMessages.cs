using System.Text.Json.Serialization;
using K8Shop.Contracts.Notifications;

namespace K8Shop.Gateways.Notifications;

/// <summary>The original <c>POST /notify</c> answer.</summary>
public sealed record NotifyResponse(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("notified")] bool Notified,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("type")] string Type);

/// <summary>The original health answer, <c>{"ok":true}</c>.</summary>
public sealed record NotificationHealthResponse([property: JsonPropertyName("ok")] bool Ok);

public sealed record ContactRequest(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("phone")] string? Phone);

public sealed record ContactResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("phone")] string? Phone);

public sealed record BackInStockRequest([property: JsonPropertyName("sku")] string? Sku);

public sealed record BackInStockResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("registered_at")] string RegisteredAt);

public sealed record NotificationResponse(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("template")] string Template,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("channels")] IReadOnlyList<string> Channels,
    [property: JsonPropertyName("order_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId,
    [property: JsonPropertyName("sku"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sku,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("sent_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SentAt,
    [property: JsonPropertyName("attempts")] int Attempts)
{
    public static NotificationResponse From(NotificationEntry e) => new(
        e.MessageId, NotificationTemplateNames.Of(e.Template), NotificationTemplateNames.Of(e.Status), e.Subject, e.Channels,
        e.OrderId, e.Sku, Iso(e.CreatedAt), e.SentAt is { } sent ? Iso(sent) : null, e.Attempts);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A page of a shopper's history, newest first.</summary>
public sealed record NotificationListResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("notifications")] IReadOnlyList<NotificationResponse> Notifications);
