using K8Shop.Grains.Catalog.Search;

namespace K8Shop.UnitTests.Catalog;

public sealed class BestOfTests
{
    public static TheoryData<int, int, int> Pages => new()
    {
        { 1000, 0, 20 }, // the first page out of many: the bounded heap
        { 1000, 40, 20 }, // a later page: the heap keeps skip + take
        { 1000, 300, 20 }, // past a quarter: a full sort
        { 1000, 990, 20 }, // a short last page
        { 1000, 1000, 20 }, // past the end
        { 5, 0, 20 },
        { 0, 0, 20 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_is_the_same_as_the_full_sort_s(int count, int skip, int take)
    {
        // Few distinct keys, so most comparisons are ties broken by the second key, as titles break equal relevance.
        var random = new Random(count + skip);
        var items = Enumerable.Range(0, count).Select(i => (Score: random.Next(10), Id: i)).ToList();
        var order = Comparer<(int Score, int Id)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));

        var page = BestOf.Page(items, skip, take, order);

        Assert.Equal(items.Order(order).Skip(skip).Take(take), page);
    }
}
