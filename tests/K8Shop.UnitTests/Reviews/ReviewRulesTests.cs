using K8Shop.Contracts.Reviews;
using K8Shop.Contracts.Rules;

namespace K8Shop.UnitTests.Reviews;

public sealed class ReviewRulesTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Ratings_from_one_to_five_pass(int rating, bool valid) => Assert.Equal(valid, ReviewRules.CheckRating(rating) is null);

    [Fact]
    public void Text_is_trimmed_and_checked_after_trimming()
    {
        var shortest = new string('a', ShopLimits.Reviews.MinTextLength);

        Assert.Equal((shortest, null), ReviewRules.CheckText($"  \n{shortest}\t "));
        Assert.Equal(ReviewRules.TextLengthRule, ReviewRules.CheckText($"   {shortest[1..]}   ").Broken);
        Assert.Equal(ReviewRules.TextLengthRule, ReviewRules.CheckText(null).Broken);
    }

    [Theory]
    [InlineData("Line one\nline two\r\nand a\ttab", null)]
    [InlineData("Escape \u001b[2J clears screens", ReviewRules.TextControlRule)]
    [InlineData("A null \u0000 character here", ReviewRules.TextControlRule)]
    [InlineData("A C1 control \u0085 character", ReviewRules.TextControlRule)]
    [InlineData("<script>alert(1)</script> stays text", null)]
    public void Only_line_breaks_and_tabs_among_control_characters_pass(string text, string? broken) =>
        Assert.Equal(broken, ReviewRules.CheckText(text).Broken);

    [Theory]
    [InlineData("  Ana Reader ", "Ana Reader")]
    [InlineData("ana@example.com", ReviewRules.AnonymousReviewer)]
    [InlineData("", ReviewRules.AnonymousReviewer)]
    [InlineData(null, ReviewRules.AnonymousReviewer)]
    [InlineData("Ana\u0007 Reader", "Ana Reader")]
    public void The_reviewer_is_the_display_name_never_an_email_address(string? name, string shown) =>
        Assert.Equal(shown, ReviewRules.Reviewer(name));

    [Fact]
    public void A_long_display_name_is_cut_to_the_limit()
    {
        var name = ReviewRules.Reviewer(new string('n', ShopLimits.Reviews.MaxReviewerLength + 5));

        Assert.Equal(ShopLimits.Reviews.MaxReviewerLength, name.Length);
    }

    [Fact]
    public void Validate_names_the_field_at_fault()
    {
        var draft = new ReviewDraft("ana", "Ana", 3, "  A fine book indeed.  ");

        Assert.Equal("A fine book indeed.", ReviewRules.Validate(draft).Text);
        Assert.Equal("rating", Assert.Throws<ReviewRuleException>(() => ReviewRules.Validate(draft with { Rating = 9 })).Field);
        Assert.Equal("text", Assert.Throws<ReviewRuleException>(() => ReviewRules.Validate(draft with { Text = "short" })).Field);
    }
}
