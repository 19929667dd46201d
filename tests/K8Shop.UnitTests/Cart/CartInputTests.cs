using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Cart;

namespace K8Shop.UnitTests.Cart;

public sealed class CartInputTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("user-1")]
    [InlineData("Jane.Doe_99@example.com")]
    [InlineData("guest:0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("9-lives")]
    public void IsUserId_AllowedShape_IsTrue(string userId)
    {
        Assert.True(CartInput.IsUserId(userId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-user")]
    [InlineData(".user")]
    [InlineData("@user")]
    [InlineData("user 1")]
    [InlineData("user/1")]
    [InlineData("user\n")]
    [InlineData("usér")]
    public void IsUserId_DisallowedShape_IsFalse(string userId)
    {
        Assert.False(CartInput.IsUserId(userId));
    }

    [Fact]
    public void IsUserId_Length_AllowsAtMost128()
    {
        Assert.True(CartInput.IsUserId(new string('a', 128)));
        Assert.False(CartInput.IsUserId(new string('a', 129)));
    }

    [Fact]
    public void CheckUserId_BadId_ReportsTheRuleUnderTheGivenField()
    {
        var errors = new Dictionary<string, string[]>();

        CartInput.CheckUserId("bad id", errors, "guestId");
        CartInput.CheckUserId("good-id", errors);

        Assert.Equal(["guestId"], errors.Keys);
        Assert.Equal([CartInput.UserIdRule], errors["guestId"]);
    }

    [Fact]
    public void CheckQuantity_Missing_ReportsFieldRequired()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(CartInput.CheckQuantity(null, 1, errors));
        Assert.Equal(["Field required"], errors["quantity"]);
    }

    [Fact]
    public void CheckQuantity_WholeDecimal_ReturnsTheInteger()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(2, CartInput.CheckQuantity(2.0m, 1, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void CheckQuantity_Fraction_ReportsNotWhole()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(CartInput.CheckQuantity(2.5m, 1, errors));
        Assert.Equal(["must be a whole number"], errors["quantity"]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 0)]
    public void CheckQuantity_BelowMin_ReportsTheMinimum(int quantity, int min)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(CartInput.CheckQuantity(quantity, min, errors));
        Assert.Equal([$"must be greater than or equal to {min}"], errors["quantity"]);
    }

    [Fact]
    public void CheckQuantity_ZeroWhereZeroIsTheMinimum_IsAccepted()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(0, CartInput.CheckQuantity(0m, 0, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(ShopLimits.Cart.MaxQuantityPerLine + 1.0)]
    [InlineData(int.MaxValue + 1.0)]
    public void CheckQuantity_AboveTheCartsLimitPerLine_ReportsTheLimit(double quantity)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(CartInput.CheckQuantity((decimal)quantity, 1, errors));
        Assert.Equal([$"cannot exceed {ShopLimits.Cart.MaxQuantityPerLine} copies of one product in a cart"], errors["quantity"]);
    }

    [Fact]
    public void CheckQuantity_ExactlyTheCartsLimitPerLine_IsAccepted()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(ShopLimits.Cart.MaxQuantityPerLine, CartInput.CheckQuantity(ShopLimits.Cart.MaxQuantityPerLine, 1, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void CheckProductId_Empty_ReportsFieldRequired()
    {
        var errors = new Dictionary<string, string[]>();

        CartInput.CheckProductId("", errors);

        Assert.Equal(["Field required"], errors["productId"]);
    }

    [Theory]
    [InlineData("BOOK 005")]
    [InlineData("-BOOK")]
    [InlineData("BOOK/005")]
    public void CheckProductId_NotASku_ReportsAnError(string productId)
    {
        var errors = new Dictionary<string, string[]>();

        CartInput.CheckProductId(productId, errors);

        Assert.StartsWith("must be a catalog SKU", Assert.Single(errors["productId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckProductId_Sku_ReportsNothing()
    {
        var errors = new Dictionary<string, string[]>();

        CartInput.CheckProductId("book-005", errors);

        Assert.Empty(errors);
    }
}
