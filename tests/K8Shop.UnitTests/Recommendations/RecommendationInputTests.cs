using K8Shop.Gateways.Recommendations;
using K8Shop.Grains.Recommendations;

namespace K8Shop.UnitTests.Recommendations;

public sealed class RecommendationInputTests
{
    [Theory]
    [InlineData(null, 5, 5)]
    [InlineData(7, 5, 7)]
    [InlineData(0, 5, 1)]
    [InlineData(-3, 5, 1)]
    [InlineData(51, 5, 50)]
    [InlineData(int.MaxValue, 5, 50)]
    [InlineData(null, 9, 9)]
    public void Limit_DefaultsThenClampsTo1Through50(int? requested, int fallback, int expected) =>
        Assert.Equal(expected, RecommendationInput.Limit(requested, fallback));

    [Theory]
    [InlineData(null, "popular", "popular")]
    [InlineData("", "related", "related")]
    [InlineData("RELATED", "popular", "related")]
    [InlineData("Trending", "popular", "trending")]
    public void Strategy_IsTheRequestLowerCasedOrTheDefault(string? requested, string fallback, string expected) =>
        Assert.Equal(expected, RecommendationInput.Strategy(requested, fallback));

    [Theory]
    [InlineData("popular", "popular")]
    [InlineData("personalized", "personalized")]
    [InlineData("trending", "popular")]
    public void Ranking_UnknownStrategiesAreServedAsPopular(string strategy, string expected) =>
        Assert.Equal(expected, RecommendationInput.Ranking(strategy));

    [Theory]
    [InlineData("6", 6)]
    [InlineData("+6", 6)]
    [InlineData("-2", -2)]
    [InlineData("abc", null)]
    [InlineData("2.5", null)]
    [InlineData(" 6", null)]
    [InlineData("99999999999", null)]
    [InlineData(null, null)]
    public void ParseLimit_ReadsWholeNumbersAsGoAtoiDid(string? text, int? expected) =>
        Assert.Equal(expected, RecommendationsApi.ParseLimit(text));

    [Theory]
    [InlineData("BOOK-001", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("a\u0001b", false)]
    public void IsUsableId_RefusesEmptyControlAndOverLongIds(string id, bool expected)
    {
        Assert.Equal(expected, RecommendationInput.IsUsableId(id));
        Assert.False(RecommendationInput.IsUsableId(new string('x', RecommendationInput.MaxIdLength + 1)));
    }
}
