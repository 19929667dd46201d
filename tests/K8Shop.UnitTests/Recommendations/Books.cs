using K8Shop.Grains.Recommendations;

namespace K8Shop.UnitTests.Recommendations;

/// <summary>A small catalog for ranking tests: books by SKU, with tags and authors.</summary>
internal static class Books
{
    public static CatalogBook Book(string sku, string title, string[] tags, string author = "Someone", int? year = null, int stock = 5) =>
        CatalogBook.From(new K8Shop.Contracts.Catalog.Product(
            Guid.NewGuid(), sku, title, null, 10m, null, [.. tags], stock, author, null, year, TestData.Epoch, TestData.Epoch));

    public static readonly CatalogBook Pragmatic = Book("B-001", "The Pragmatic Programmer", ["programming", "best-seller"], "Andrew Hunt");
    public static readonly CatalogBook CleanCode = Book("B-002", "Clean Code", ["programming", "best-seller"], "Robert Martin");
    public static readonly CatalogBook CleanArch = Book("B-003", "Clean Architecture", ["architecture", "programming"], "Robert Martin");
    public static readonly CatalogBook Sicp = Book("B-004", "Structure and Interpretation", ["programming"], "Harold Abelson");
    public static readonly CatalogBook Dune = Book("B-005", "Dune", ["science-fiction", "best-seller"], "Frank Herbert");
    public static readonly CatalogBook Hobbit = Book("B-006", "The Hobbit", ["fantasy"], "J.R.R. Tolkien");
    public static readonly CatalogBook Atlas = Book("B-007", "Atlas of Birds", ["nature"], "Ann Author");

    public static CatalogIndex Shelf { get; } = new([Pragmatic, CleanCode, CleanArch, Sicp, Dune, Hobbit, Atlas]);

    public static readonly IReadOnlyDictionary<string, long> NoSales = new Dictionary<string, long>();

    public static string[] Skus(IEnumerable<ScoredBook> books) => [.. books.Select(b => b.Book.Sku)];

    public static void AssertScoresDescendInRange(IReadOnlyList<ScoredBook> books)
    {
        Assert.All(books, b => Assert.InRange(b.Score, 0.0, 1.0));
        for (var i = 1; i < books.Count; i++)
            Assert.True(books[i - 1].Score >= books[i].Score, $"score {books[i].Score} of {books[i].Book.Sku} rises after {books[i - 1].Score}");
    }
}
