using System.Net;
using System.Text.Json;
using K8Shop.Contracts.Faults;
using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.Faults;

/// <summary><c>redis-unavailable</c> on the carts' real Redis storage: the user in scope gets 503, others do not, off it recovers.</summary>
[Collection(InfraFaultCollection.Name)]
public sealed class CartFaultTests(InfraFaultFixture shop)
{
    [NotificationFact]
    public async Task RedisUnavailable_ScopedToOneUser_ThatUsersCartAnswers503_OtherCartsWork_AndOffNothingFailedWasKept()
    {
        var hit = $"redis-{Guid.NewGuid():N}"[..20];
        var spared = $"redis-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.OK, (await shop.AddToCartAsync(hit, "BOOK-126", 1)).StatusCode);

        await shop.OnAsync(FaultNames.RedisUnavailable, scope: FaultScope.ForUser(hit));
        HttpResponseMessage failed, other;
        try
        {
            failed = await shop.AddToCartAsync(hit, "BOOK-127", 2);
            other = await shop.AddToCartAsync(spared, "BOOK-127", 2);
        }
        finally
        {
            await shop.OffAsync(FaultNames.RedisUnavailable);
        }
        var recovered = await shop.AddToCartAsync(hit, "BOOK-128", 1);
        var cart = await shop.GetJsonAsync($"/cart/{hit}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("cart backend unavailable", JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        // What Redis holds: the line from before and the one after, never the refused one.
        Assert.Equal(["BOOK-126", "BOOK-128"], cart.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString()).Order());
    }
}
