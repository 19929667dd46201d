using System.Collections.Immutable;
using K8Shop.Contracts.Catalog;

namespace K8Shop.UnitTests;

/// <summary>Builders for drafts and products, valid unless a test changes one field.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Epoch = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static ProductDraft Draft(string sku = "TEST-001", string title = "A Test Book", decimal price = 19.99m) =>
        new(sku, title, "A description", price, "https://example.com/cover.jpg", ["testing", "books"], 10,
            "Jane Author", "9780135957059", 2020);

    public static Product Product(
        string sku, string title, decimal price = 10m, string[]? tags = null, int? year = null, DateTimeOffset? createdAt = null) =>
        new(Guid.NewGuid(), sku, title, null, price, null, [.. tags ?? []], 1, null, null, year,
            createdAt ?? Epoch, createdAt ?? Epoch);

    public static ImmutableArray<string> Tags(int count, int length = 5) =>
        [.. Enumerable.Range(0, count).Select(i => $"t{i}".PadRight(length, 'x'))];
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
