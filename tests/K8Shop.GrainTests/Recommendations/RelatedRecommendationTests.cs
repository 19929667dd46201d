using K8Shop.Contracts.Recommendations;
using static K8Shop.GrainTests.Recommendations.RecommendationBooks;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>The related strategy: books sharing tags with a product, never the product itself.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RelatedRecommendationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Related_RanksBySharedTagsAndNeverReturnsTheProduct()
    {
        var (first, second) = (NewTag(), NewTag());
        var source = await BookAsync(Grains, [first, second]);
        var both = await BookAsync(Grains, [second, first]);
        var one = await BookAsync(Grains, [first]);

        foreach (var id in new[] { source.Sku.ToLowerInvariant(), source.Id.ToString() })
        {
            var result = await RecommendAsync(Grains, "Related", 10, productId: id);

            Assert.Equal("related", result.Strategy);
            Assert.DoesNotContain(source.Id, result.Items.Select(i => i.Id));
            Assert.Equal([both.Sku, one.Sku], Skus(result).Take(2));
            Assert.Equal([1.0, 0.75], result.Items.Take(2).Select(i => i.Score));
            Assert.Equal(10, result.Items.Length);
            Assert.All(result.Items.Skip(2), i => Assert.True(i.Score <= 0.5));
        }
    }

    [Theory]
    [InlineData("NO-SUCH-BOOK-42")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData(null)]
    public async Task Related_UnknownOrMissingProduct_FallsBackToPopularAndEchoesRelated(string? productId)
    {
        var related = await RecommendAsync(Grains, "related", 5, productId: productId);
        var popular = await RecommendAsync(Grains, "popular", 5);

        Assert.Equal("related", related.Strategy);
        Assert.Equal(Skus(popular), Skus(related));
    }

    [Fact]
    public async Task UnknownStrategy_IsServedAsPopularAndEchoedLowerCased()
    {
        var result = await RecommendAsync(Grains, "Trending", 3);
        var popular = await RecommendAsync(Grains, RecommendationStrategies.Popular, 3);

        Assert.Equal("trending", result.Strategy);
        Assert.Equal(Skus(popular), Skus(result));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-7, 1)]
    [InlineData(500, 50)]
    public async Task Limit_IsClampedTo1Through50(int limit, int expected) =>
        Assert.Equal(expected, (await RecommendAsync(Grains, null, limit)).Items.Length);
}
