using System.Net;
using K8Shop.Contracts.Events;
using K8Shop.ContractTests.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Recommendations;

/// <summary>
/// Recently viewed and the ratings strategy on both profiles: in the cluster profile recently viewed lives in Redis with
/// the carts, tastes in PostgreSQL, and a review event travels through RabbitMQ.
/// </summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class ShelvesStoresTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task RecentlyViewed_IsStoredAndReadBackNewestFirst(string host)
    {
        var user = $"viewer-{Guid.NewGuid():N}"[..20];
        string[] viewed = ["BOOK-006", "BOOK-007", "BOOK-008", "BOOK-009", "BOOK-007"];

        foreach (var productId in viewed)
            Assert.Equal(HttpStatusCode.NoContent, (await hosts.SendAsync(host, HttpMethod.Post, "/api/recommendations/viewed", new { productId, userId = user })).Status);
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/recommendations/shelves?userId={user}");

        Assert.Equal(HttpStatusCode.OK, status);
        var recently = json.GetProperty("shelves").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "recently-viewed");
        Assert.Equal(["BOOK-007", "BOOK-009", "BOOK-008", "BOOK-006"], recently.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Personalized_ABookRatedHighlyByAShopperWithTheSamePurchase_LeadsUntilTheReviewIsHidden(string host)
    {
        // Tags of their own: the rated book shares nothing with the bought one, so only the rating can recommend it.
        var (bought, rated) = (await BookAsync(host, "RB"), await BookAsync(host, "RR"));
        var (similar, shopper) = ($"similar-{Guid.NewGuid():N}"[..20], $"shopper-{Guid.NewGuid():N}"[..20]);
        await OrderAsync(host, similar, bought, rated);
        await OrderAsync(host, shopper, bought);
        var review = new ReviewEvent
        {
            MessageId = Guid.NewGuid().ToString(),
            CorrelationId = Guid.NewGuid().ToString(),
            OccurredAt = DateTimeOffset.UtcNow,
            Event = ReviewEvent.Created,
            ReviewId = Guid.NewGuid(),
            Sku = rated,
            UserId = similar,
            Rating = 5,
            IsHidden = false,
        };
        var events = (await hosts.GetAsync(host)).Services.GetRequiredService<IClusterClient>().GetStreamProvider(EventStreams.ProviderName);
        await events.GetStream<IntegrationEvent>(StreamId.Create(review.StreamNamespace, review.Sku)).OnNextAsync(review);

        // A match scores 0.5 to 1; a popular book filling the list at most 0.5.
        await EventuallyAsync(host, shopper, items => items[0] == (rated, 1.0), "the rated book to lead as a match");
        var hidden = review with { MessageId = Guid.NewGuid().ToString(), Event = ReviewEvent.Hidden, IsHidden = true };
        await events.GetStream<IntegrationEvent>(StreamId.Create(hidden.StreamNamespace, hidden.Sku)).OnNextAsync(hidden);
        await EventuallyAsync(host, shopper, items => items.All(i => i.Sku != rated || i.Score <= 0.5), "the hidden review to stop counting");
    }

    private async Task<string> BookAsync(string host, string prefix)
    {
        var sku = $"{prefix}-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/products",
            new { sku, title = $"Rated book {sku}", price = 10m, stock = 20, tags = new[] { sku.ToLowerInvariant() } }, admin: true);
        Assert.True(status == HttpStatusCode.Created, $"creating {sku} answered {(int)status}: {json}");
        return sku;
    }

    private async Task EventuallyAsync(string host, string user, Func<List<(string? Sku, double Score)>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (_, _, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/recommendations?strategy=personalized&userId={user}&limit=3");
            Assert.Equal(["userId", "strategy", "recommendations"], Keys(json));
            var items = json.GetProperty("recommendations").EnumerateArray()
                .Select(i => (i.GetProperty("sku").GetString(), i.GetProperty("score").GetDouble())).ToList();
            if (done(items))
                return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{what} never happened on {host}: {json}");
            await Task.Delay(200);
        }
    }

    private async Task OrderAsync(string host, string userId, params string[] skus)
    {
        var (status, _, json) = await hosts.SendAsync(host, HttpMethod.Post, "/orders",
            new { userId, items = skus.Select(sku => new { sku, qty = 1 }) }, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(status == HttpStatusCode.OK || status == HttpStatusCode.Created, $"order answered {(int)status}: {json}");
        Assert.Equal("confirmed", json.GetProperty("status").GetString());
    }
}
