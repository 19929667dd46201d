using K8Shop.Contracts.Notifications;
using K8Shop.Grains.Notifications;

namespace K8Shop.UnitTests.Notifications;

public sealed class NotificationRendererTests
{
    private const string Shop = "http://shop.test";

    private static readonly NotificationRequest Confirmed = new("m-1", NotificationTemplate.OrderConfirmed, "o-42", null,
        [new NotificationLine("BOOK-001", "The Pragmatic Programmer", 2, 44.95m, 89.90m), new NotificationLine("BOOK-005", null, 1, 21m, 21m)],
        110.90m, null);

    [Fact]
    public void OrderConfirmed_ListsEveryLineAndTheTotal_InTextAndHtml()
    {
        var mail = NotificationRenderer.Render("ana", Confirmed, Shop);

        Assert.Equal("Your K8Shop order o-42 is confirmed", mail.Subject);
        Assert.Contains("2 x The Pragmatic Programmer (BOOK-001) at 44.95 = 89.90", mail.Text, StringComparison.Ordinal);
        Assert.Contains("1 x BOOK-005 at 21.00 = 21.00", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Total: 110.90", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<td>The Pragmatic Programmer (BOOK-001)</td><td align=\"right\">2</td>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>110.90</strong>", mail.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EncodesWhatShoppersAndAdminsWrote()
    {
        var request = Confirmed with { Lines = [new NotificationLine("BOOK-9", "<script>alert(1)</script> & more", 1, 1m, 1m)] };

        var mail = NotificationRenderer.Render("<b>eve</b>", request, Shop);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>eve</b>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", mail.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("card_declined", "the card was declined")]
    [InlineData("amount_over_limit", "the amount is over the card's limit")]
    [InlineData("something_new", "something new")]
    [InlineData(null, "no reason given")]
    public void PaymentFailed_SaysWhyInWords_AndTheAmount(string? reason, string words)
    {
        var mail = NotificationRenderer.Render("ana", new NotificationRequest("m", NotificationTemplate.PaymentFailed, "o-7", null, [], 12.5m, reason), Shop);

        Assert.Equal("Payment for your K8Shop order o-7 did not go through", mail.Subject);
        Assert.Contains($"The payment of 12.50 for your order o-7 was declined ({words})", mail.Text, StringComparison.Ordinal);
        Assert.Contains("o-7", mail.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderShipped_ListsTheBooks()
    {
        var mail = NotificationRenderer.Render("ana", Confirmed with { Template = NotificationTemplate.OrderShipped }, Shop);

        Assert.Equal("Your K8Shop order o-42 has shipped", mail.Subject);
        Assert.Contains("  2 x The Pragmatic Programmer (BOOK-001)\n", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<li>2 &times; The Pragmatic Programmer (BOOK-001)</li>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void BackInStock_LinksToTheBook()
    {
        var mail = NotificationRenderer.Render("ana", new NotificationRequest("m", NotificationTemplate.BackInStock, null, "BOOK-003", [], null, null), Shop);

        Assert.Equal("Back in stock: BOOK-003", mail.Subject);
        Assert.Contains("http://shop.test/catalog/BOOK-003", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"http://shop.test/catalog/BOOK-003\"", mail.Html, StringComparison.Ordinal);
    }
}
