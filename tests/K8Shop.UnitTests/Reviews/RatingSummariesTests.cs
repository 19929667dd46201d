using K8Shop.Contracts.Reviews;
using K8Shop.Grains.Reviews;

namespace K8Shop.UnitTests.Reviews;

public sealed class RatingSummariesTests
{
    [Fact]
    public void The_summary_counts_visible_reviews_by_star_and_averages_them()
    {
        var now = DateTimeOffset.UtcNow;
        Review Rated(int rating, bool hidden = false) => new(Guid.NewGuid(), "BOOK-001", $"u{Guid.NewGuid():N}", "R", rating, "Text of it.", now, now, hidden, 0);

        var summary = RatingSummaries.Of("BOOK-001", [Rated(5), Rated(4), Rated(4), Rated(1), Rated(5, hidden: true)]);

        Assert.Equal((4, 14, 3.5), (summary.Count, summary.Sum, summary.Average));
        Assert.Equal([1, 0, 0, 2, 1], summary.Stars.AsEnumerable());
    }

    [Fact]
    public void A_book_without_reviews_averages_zero() =>
        Assert.Equal((0, 0d, 5), (RatingSummaries.Empty("X").Count, RatingSummaries.Empty("X").Average, RatingSummaries.Empty("X").Stars.Length));
}
