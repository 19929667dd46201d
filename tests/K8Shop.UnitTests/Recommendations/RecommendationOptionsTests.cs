using K8Shop.Grains.Recommendations;

namespace K8Shop.UnitTests.Recommendations;

/// <summary>The shelves' settings are checked at start, naming the key.</summary>
public sealed class RecommendationOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new RecommendationOptions().Validate();

    [Theory]
    [InlineData("PopularWindow", "0.12:00:00")]
    [InlineData("PopularWindow", "1.12:00:00")]
    [InlineData("PopularWindow", "91.00:00:00")]
    [InlineData("PopularMinOrders", "0")]
    [InlineData("ShelfMinItems", "0")]
    [InlineData("ShelfSize", "3")]
    [InlineData("ShelfSize", "25")]
    [InlineData("BuyersRemembered", "0")]
    [InlineData("SimilarShoppersRead", "0")]
    public void Validate_OutOfRange_FailsNamingTheSetting(string key, string value)
    {
        var options = new RecommendationOptions();
        var property = typeof(RecommendationOptions).GetProperty(key)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan)
            ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(key, error.Message);
    }
}
