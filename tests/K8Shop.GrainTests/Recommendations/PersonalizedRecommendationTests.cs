using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Orders;
using K8Shop.GrainTests.Orders;
using static K8Shop.GrainTests.Recommendations.RecommendationBooks;

namespace K8Shop.GrainTests.Recommendations;

/// <summary>The personalized strategy: books like what a user bought or holds in the cart, never those.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersonalizedRecommendationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Personalized_UserWithNoHistory_GetsPopular()
    {
        var result = await RecommendAsync(Grains, "personalized", 6, userId: Checkout.NewUser());
        var popular = await RecommendAsync(Grains, "popular", 6);

        Assert.Equal("personalized", result.Strategy);
        Assert.Equal(Skus(popular), Skus(result));
        Assert.Equal(popular.Items.Select(i => i.Score), result.Items.Select(i => i.Score));
    }

    [Fact]
    public async Task Personalized_RecommendsBooksLikeWhatWasBoughtAndCartedButNeverThoseBooks()
    {
        var (boughtTag, cartTag) = (NewTag(), NewTag());
        var bought = await BookAsync(Grains, [boughtTag]);
        var carted = await BookAsync(Grains, [cartTag]);
        var likeBoth = await BookAsync(Grains, [cartTag, boughtTag]);
        var sameAuthor = await BookAsync(Grains, [NewTag()], author: "Ursula Test-Author");
        var likeBought = await BookAsync(Grains, [boughtTag]);
        var authorsBook = await BookAsync(Grains, [NewTag()], author: "Ursula Test-Author");
        var user = Checkout.NewUser();
        var order = await Grains.GetGrain<IOrderGrain>(Checkout.NewOrderId()).PlaceAsync(
            Checkout.Command(user, null, (bought.Sku, 1), (authorsBook.Sku, 1)));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        await Grains.GetGrain<ICartGrain>(user).AddItemAsync(carted.Sku, 1);

        var result = await RecommendAsync(Grains, "personalized", 10, userId: user);

        Assert.Equal("personalized", result.Strategy);
        Assert.DoesNotContain(bought.Sku, Skus(result));
        Assert.DoesNotContain(carted.Sku, Skus(result));
        Assert.DoesNotContain(authorsBook.Sku, Skus(result));
        // likeBoth: two tags (2); sameAuthor: the author (2); likeBought: one tag (1). Equal weights keep title order.
        Assert.Equal(new[] { likeBoth.Sku, sameAuthor.Sku }.Order(), Skus(result).Take(2).Order());
        Assert.Equal(likeBought.Sku, Skus(result)[2]);
        Assert.Equal([1.0, 1.0, 0.75], result.Items.Take(3).Select(i => i.Score));
        Assert.Equal(10, result.Items.Length);
    }

    [Fact]
    public async Task Personalized_WithoutUser_GetsPopular()
    {
        var result = await RecommendAsync(Grains, "personalized", 4);
        var popular = await RecommendAsync(Grains, "popular", 4);

        Assert.Equal(Skus(popular), Skus(result));
    }
}
