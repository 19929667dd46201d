using System.Globalization;
using System.Text.Json;
using K8Shop.Contracts.Catalog;
using K8Shop.Gateways.Catalog;

namespace K8Shop.UnitTests.Responses;

public sealed class ResponseMappingTests
{
    private static Product Book(string? imageUrl = "https://example.com/a.jpg", decimal price = 38.50m) =>
        new(Guid.Parse("537dae18-2af0-5c50-ae4f-8b53ad17380f"), "BOOK-001", "The Pragmatic Programmer", "Tips", price,
            imageUrl, ["programming", "best-seller"], 45, "Hunt", "9780135957059", 2019,
            TestData.Epoch, new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

    [Theory]
    [InlineData("38.50", "38.5")]
    [InlineData("56.00", "56")]
    [InlineData("44.95", "44.95")]
    [InlineData("0.10", "0.1")]
    [InlineData("100000.00", "100000")]
    [InlineData("21", "21")]
    public void MoneyMinimal_Price_DropsTrailingZerosOnly(string price, string expected)
    {
        var minimal = Money.Minimal(decimal.Parse(price, CultureInfo.InvariantCulture));

        Assert.Equal(expected, minimal.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2024, 1, 2, 3, 4, 5, 0, 0, "2024-01-02T03:04:05.000Z")]
    [InlineData(2024, 1, 2, 3, 4, 5, 7, 0, "2024-01-02T03:04:05.007Z")]
    [InlineData(2024, 1, 1, 1, 30, 0, 250, 2, "2023-12-31T23:30:00.250Z")]
    [InlineData(2024, 6, 30, 20, 0, 0, 999, -5, "2024-07-01T01:00:00.999Z")]
    public void TimestampsJavaScriptIso_AnyOffset_WritesUtcWithMillisecondsAndZ(
        int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetHours, string expected)
    {
        var value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(offsetHours));

        Assert.Equal(expected, Timestamps.JavaScriptIso(value));
    }

    [Fact]
    public void TimestampsJavaScriptIso_SubMillisecondTicks_KeepsExactlyThreeDigits()
    {
        var value = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

        Assert.Equal("2024-01-02T03:04:05.123Z", Timestamps.JavaScriptIso(value));
    }

    [Fact]
    public void From_Product_MapsFieldsAndCoverUrl()
    {
        var response = ProductResponse.From(Book());

        Assert.Equal("537dae18-2af0-5c50-ae4f-8b53ad17380f", response.Id);
        Assert.Equal("BOOK-001", response.Sku);
        Assert.Equal(38.5m, response.Price);
        Assert.Equal("2025-03-04T05:06:07.890Z", response.UpdatedAt);
        Assert.Equal("/covers/BOOK-001.svg", response.CoverUrl);
        Assert.Equal(["programming", "best-seller"], response.Tags);
        Assert.Equal(45, response.Stock);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void From_NullOrEmptyImageUrl_MapsToNull(string? imageUrl)
    {
        Assert.Null(ProductResponse.From(Book(imageUrl)).ImageUrl);
    }

    [Fact]
    public void Serialize_ProductWithoutImage_WritesMinimalPriceAndOmitsImageUrl()
    {
        var json = JsonSerializer.Serialize(ProductResponse.From(Book(imageUrl: null, price: 56.00m)), JsonSerializerOptions.Web);

        Assert.Contains("\"price\":56,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("imageUrl", json, StringComparison.Ordinal);
        Assert.Contains("\"updatedAt\":\"2025-03-04T05:06:07.890Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"coverUrl\":\"/covers/BOOK-001.svg\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PriceWithTrailingZero_WritesItLikeJavaScript()
    {
        var json = JsonSerializer.Serialize(ProductResponse.From(Book(price: 38.50m)), JsonSerializerOptions.Web);

        Assert.Contains("\"price\":38.5,", json, StringComparison.Ordinal);
        Assert.Contains("\"imageUrl\":\"https://example.com/a.jpg\"", json, StringComparison.Ordinal);
    }
}
