using System.Globalization;
using System.Net;
using System.Text;
using K8Shop.Contracts.Notifications;

namespace K8Shop.Grains.Notifications;

/// <summary>A notification in words: a subject, a plain-text and an HTML body, and a short SMS.</summary>
public sealed record RenderedNotification(string Subject, string Text, string Html, string Sms);

/// <summary>The templates: order confirmed, payment failed, order shipped, back in stock. Pure, so tests read them directly.</summary>
public static class NotificationRenderer
{
    public static RenderedNotification Render(string userId, NotificationRequest request, string shopUrl) => request.Template switch
    {
        NotificationTemplate.OrderConfirmed => OrderConfirmed(userId, request, shopUrl),
        NotificationTemplate.PaymentFailed => PaymentFailed(userId, request, shopUrl),
        NotificationTemplate.OrderShipped => OrderShipped(userId, request, shopUrl),
        _ => BackInStock(userId, request, shopUrl),
    };

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static RenderedNotification OrderConfirmed(string userId, NotificationRequest r, string shopUrl)
    {
        var subject = $"Your K8Shop order {r.OrderId} is confirmed";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {userId},\n\nThank you for your order {r.OrderId}. It is confirmed and paid:\n\n");
        foreach (var line in r.Lines)
            text.Append(CultureInfo.InvariantCulture, $"  {line.Quantity} x {Name(line)} at {Money(line.Price)} = {Money(line.Total)}\n");
        text.Append(CultureInfo.InvariantCulture, $"\nTotal: {Money(r.Total ?? r.Lines.Sum(l => l.Total))}\n\nWe will write again when it ships.\n");
        var rows = string.Concat(r.Lines.Select(l =>
            $"<tr><td>{H(Name(l))}</td><td align=\"right\">{l.Quantity}</td><td align=\"right\">{Money(l.Price)}</td><td align=\"right\">{Money(l.Total)}</td></tr>"));
        var html = Html(subject, $"""
            <p>Hello {H(userId)},</p>
            <p>Thank you for your order <strong>{H(r.OrderId)}</strong>. It is confirmed and paid.</p>
            <table cellpadding="4" cellspacing="0" border="1">
            <tr><th align="left">Book</th><th>Qty</th><th>Price</th><th>Total</th></tr>
            {rows}
            <tr><td colspan="3" align="right"><strong>Total</strong></td><td align="right"><strong>{Money(r.Total ?? r.Lines.Sum(l => l.Total))}</strong></td></tr>
            </table>
            <p>We will write again when it ships.</p>
            """, shopUrl);
        return new(subject, Footer(text, shopUrl), html, $"K8Shop: order {r.OrderId} confirmed, total {Money(r.Total ?? 0m)}.");
    }

    private static RenderedNotification PaymentFailed(string userId, NotificationRequest r, string shopUrl)
    {
        var subject = $"Payment for your K8Shop order {r.OrderId} did not go through";
        var reason = Reason(r.Reason);
        var amount = r.Total is { } total ? $" of {Money(total)}" : "";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"Hello {userId},\n\nThe payment{amount} for your order {r.OrderId} was declined ({reason}). Nothing was charged and the books were not reserved.\n\nYou can place the order again with another card.\n");
        var html = Html(subject, $"""
            <p>Hello {H(userId)},</p>
            <p>The payment{H(amount)} for your order <strong>{H(r.OrderId)}</strong> was declined ({H(reason)}). Nothing was charged and the books were not reserved.</p>
            <p>You can place the order again with another card.</p>
            """, shopUrl);
        return new(subject, Footer(text, shopUrl), html, $"K8Shop: payment for order {r.OrderId} declined ({reason}).");
    }

    private static RenderedNotification OrderShipped(string userId, NotificationRequest r, string shopUrl)
    {
        var subject = $"Your K8Shop order {r.OrderId} has shipped";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {userId},\n\nYour order {r.OrderId} is on its way:\n\n");
        foreach (var line in r.Lines)
            text.Append(CultureInfo.InvariantCulture, $"  {line.Quantity} x {Name(line)}\n");
        var items = string.Concat(r.Lines.Select(l => $"<li>{l.Quantity} &times; {H(Name(l))}</li>"));
        var html = Html(subject, $"""
            <p>Hello {H(userId)},</p>
            <p>Your order <strong>{H(r.OrderId)}</strong> is on its way:</p>
            <ul>{items}</ul>
            """, shopUrl);
        return new(subject, Footer(text, shopUrl), html, $"K8Shop: order {r.OrderId} has shipped.");
    }

    private static RenderedNotification BackInStock(string userId, NotificationRequest r, string shopUrl)
    {
        var book = r.Title is { Length: > 0 } title ? $"{title} ({r.Sku})" : r.Sku;
        var subject = $"Back in stock: {book}";
        var link = $"{shopUrl.TrimEnd('/')}/catalog/{Uri.EscapeDataString(r.Sku ?? "")}";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"Hello {userId},\n\n{book} is available again, as you asked us to tell you. Stock can run out quickly.\n\n{link}\n");
        var html = Html(subject, $"""
            <p>Hello {H(userId)},</p>
            <p><strong>{H(book)}</strong> is available again, as you asked us to tell you. Stock can run out quickly.</p>
            <p><a href="{H(link)}">See the book</a></p>
            """, shopUrl);
        return new(subject, Footer(text, shopUrl), html, $"K8Shop: {book} is back in stock.");
    }

    private static string Name(NotificationLine line) => line.Title is { Length: > 0 } title ? $"{title} ({line.Sku})" : line.Sku;

    private static string Reason(string? reason) => reason switch
    {
        "card_declined" => "the card was declined",
        "amount_over_limit" => "the amount is over the card's limit",
        "processor_declined" => "the payment processor declined it",
        { Length: > 0 } other => other.Replace('_', ' '),
        _ => "no reason given",
    };

    private static string Footer(StringBuilder text, string shopUrl) =>
        text.Append(CultureInfo.InvariantCulture, $"\nK8Shop - {shopUrl}\n").ToString();

    private static string Html(string title, string body, string shopUrl) => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{H(title)}</title></head>
        <body style="font-family: sans-serif">
        {body}
        <p style="color: #777">K8Shop &middot; <a href="{H(shopUrl)}">{H(shopUrl)}</a></p>
        </body></html>
        """;

    private static string H(string? value) => WebUtility.HtmlEncode(value ?? "");
}
