using System.Net;
using System.Text.Json;
using K8Shop.ContractTests.Hosts;
using static K8Shop.ContractTests.Hosts.HostRequests;

namespace K8Shop.ContractTests.Cart;

/// <summary>The original cart-service's contract, field by field, on memory (embedded) and Redis (cluster profile).</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CartContractTests(CatalogHosts hosts)
{
    public static TheoryData<string> Hosts => CatalogHosts.All;

    [Theory, MemberData(nameof(Hosts))]
    public async Task GetCart_NeverUsed_IsTheOriginalsEmptyCart(string host)
    {
        var user = NewUser();
        var (status, raw, json) = await hosts.SendAsync(host, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["userId", "items", "itemCount", "subtotal"], Keys(json));
        Assert.Equal(user, json.GetProperty("userId").GetString());
        Assert.Equal(0, json.GetProperty("items").GetArrayLength());
        Assert.Equal(0, json.GetProperty("itemCount").GetInt32());
        Assert.EndsWith("\"subtotal\":0.0}", raw, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task AddItem_WithAClientPrice_PricesTheLineFromTheCatalogInTheOriginalShape(string host)
    {
        var user = NewUser();

        var (status, raw, json) = await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "book-005", quantity = 3, price = 0.01 });

        Assert.Equal(HttpStatusCode.OK, status);
        var item = json.GetProperty("items")[0];
        Assert.Equal(["productId", "quantity", "price", "total", "title"], Keys(item));
        Assert.Equal(("BOOK-005", 3, "Atomic Habits"), (item.GetProperty("productId").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("title").GetString()));
        Assert.Contains("\"price\":21.0,\"total\":63.0", raw, StringComparison.Ordinal);
        Assert.Equal(3, json.GetProperty("itemCount").GetInt32());
        Assert.EndsWith("\"subtotal\":63.0}", raw, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task AddItem_TwiceAndAnother_IncrementsTheLineAndKeepsInsertionOrder(string host)
    {
        var user = NewUser();
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-002", quantity = 1, price = 38.5 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-001", quantity = "2", price = 44.95 });

        var (_, raw, json) = await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-002", quantity = 2.0, price = 1 });

        Assert.Equal([("BOOK-002", 3), ("BOOK-001", 2)], Lines(json));
        Assert.Equal(5, json.GetProperty("itemCount").GetInt32());
        Assert.EndsWith("\"subtotal\":205.4}", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"productId":"BOOK-001","quantity":1}""", "price")]
    [InlineData("""{"productId":"BOOK-001","quantity":0,"price":1}""", "quantity")]
    [InlineData("""{"productId":"BOOK-001","quantity":2.5,"price":1}""", "quantity")]
    [InlineData("""{"productId":"BOOK-001","quantity":1,"price":-1}""", "price")]
    [InlineData("""{"productId":"","quantity":1,"price":1}""", "productId")]
    [InlineData("""{"productId":"NOT-A-BOOK","quantity":1,"price":1}""", "productId")]
    [InlineData("""{"productId":"BOOK-001","quantity":100,"price":1}""", "quantity")]
    public async Task AddItem_BadInput_Is422NamingTheFieldAndChangesNothing(string body, string field)
    {
        var user = NewUser();
        await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-003", quantity = 1, price = 56 });

        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Post, $"/cart/{user}/items", body);
        var (_, _, after) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, $"/cart/{user}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {json}");
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
        Assert.Equal([("BOOK-003", 1)], Lines(after));
    }

    [Fact]
    public async Task Cart_MalformedUserId_Is422NamingUserId()
    {
        var (status, _, json) = await hosts.SendAsync(CatalogHosts.Embedded, HttpMethod.Get, "/cart/%20bad%20user");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(json.GetProperty("errors").TryGetProperty("userId", out _));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task UpdateQuantity_ToZeroOrOnAnAbsentLine_RemovesOrChangesNothing(string host)
    {
        var user = NewUser();
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-001", quantity = 1, price = 1 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-004", quantity = 1, price = 1 });

        var (_, _, updated) = await hosts.SendAsync(host, HttpMethod.Put, $"/cart/{user}/items/BOOK-004", new { quantity = 4 });
        var (absentStatus, _, absent) = await hosts.SendAsync(host, HttpMethod.Put, $"/cart/{user}/items/BOOK-006", new { quantity = 4 });
        var (_, _, removed) = await hosts.SendAsync(host, HttpMethod.Put, $"/cart/{user}/items/book-001", new { quantity = 0 });

        Assert.Equal([("BOOK-001", 1), ("BOOK-004", 4)], Lines(updated));
        Assert.Equal(HttpStatusCode.OK, absentStatus);
        Assert.Equal(Lines(updated), Lines(absent));
        Assert.Equal([("BOOK-004", 4)], Lines(removed));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task DeleteLineThenCheckoutThenDeleteCart_BehaveAsTheOriginal(string host)
    {
        var user = NewUser();
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-001", quantity = 1, price = 1 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-006", quantity = 2, price = 1 });

        var (_, _, afterDelete) = await hosts.SendAsync(host, HttpMethod.Delete, $"/cart/{user}/items/BOOK-001");
        var (_, _, deleteAbsent) = await hosts.SendAsync(host, HttpMethod.Delete, $"/cart/{user}/items/BOOK-001");
        var (_, _, checkout) = await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/checkout");
        var (_, _, afterCheckout) = await hosts.SendAsync(host, HttpMethod.Get, $"/cart/{user}");
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-002", quantity = 1, price = 1 });
        var (clearStatus, _, cleared) = await hosts.SendAsync(host, HttpMethod.Delete, $"/cart/{user}");

        Assert.Equal([("BOOK-006", 2)], Lines(afterDelete));
        Assert.Equal([("BOOK-006", 2)], Lines(deleteAbsent));
        Assert.Equal([("BOOK-006", 2)], Lines(checkout));
        Assert.Empty(Lines(afterCheckout));
        Assert.Equal(HttpStatusCode.OK, clearStatus);
        Assert.Empty(Lines(cleared));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task Merge_GuestCartTwice_AddsQuantitiesOnceAndEmptiesTheGuest(string host)
    {
        var (user, guest) = (NewUser(), NewUser());
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/items", new { productId = "BOOK-001", quantity = 1, price = 1 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{guest}/items", new { productId = "BOOK-001", quantity = 2, price = 1 });
        await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{guest}/items", new { productId = "BOOK-003", quantity = 1, price = 1 });

        var (status, _, merged) = await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/merge", new { guestId = guest });
        var (_, _, again) = await hosts.SendAsync(host, HttpMethod.Post, $"/cart/{user}/merge", new { guestId = guest });
        var (_, _, guestAfter) = await hosts.SendAsync(host, HttpMethod.Get, $"/cart/{guest}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([("BOOK-001", 3), ("BOOK-003", 1)], Lines(merged));
        Assert.Equal(Lines(merged), Lines(again));
        Assert.Empty(Lines(guestAfter));
    }

    [Theory, MemberData(nameof(Hosts))]
    public async Task EdgeRoutesAndHealth_UnderApiCart_AnswerAsTheOriginalNginxMapped(string host)
    {
        var user = NewUser();
        await hosts.SendAsync(host, HttpMethod.Post, $"/api/cart/{user}/items", new { productId = "BOOK-002", quantity = 1, price = 1 });

        var (_, _, direct) = await hosts.SendAsync(host, HttpMethod.Get, $"/cart/{user}");
        var (healthStatus, _, health) = await hosts.SendAsync(host, HttpMethod.Get, "/api/cart/healthz");
        var (_, _, userCalledHealthz) = await hosts.SendAsync(host, HttpMethod.Get, "/cart/healthz");

        Assert.Equal([("BOOK-002", 1)], Lines(direct));
        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal(["ok", "backend"], Keys(health));
        Assert.Equal(host == CatalogHosts.Cluster ? "redis" : "memory", health.GetProperty("backend").GetString());
        Assert.Equal("healthz", userCalledHealthz.GetProperty("userId").GetString());
    }

    private static List<(string, int)> Lines(JsonElement cart) =>
        [.. cart.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("productId").GetString()!, i.GetProperty("quantity").GetInt32()))];

    private static string NewUser() => $"shopper-{Guid.NewGuid():N}"[..24];
}
