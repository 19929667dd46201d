using System.Net;
using System.Net.Http.Json;
using K8Shop.ContractTests.Hosts;
using K8Shop.ContractTests.Security;
using static K8Shop.ContractTests.Reviews.ReviewShoppers;

namespace K8Shop.ContractTests.Reviews;

/// <summary>The reviews routes' JSON, field by field, and their answers to buyers, other shoppers and bad input.</summary>
public sealed class ReviewContractTests(RequiredAuthHost required) : IClassFixture<RequiredAuthHost>
{
    private static readonly string[] ItemKeys = ["id", "rating", "text", "reviewer", "createdAt", "updatedAt", "verifiedPurchase", "helpful"];

    [Fact]
    public async Task The_list_of_a_book_without_reviews_has_the_contracts_shape_for_anyone()
    {
        var sku = await NewBookAsync(required);

        var list = await required.Client().GetAsync($"/catalog/{sku.ToLowerInvariant()}/reviews");
        var json = await list.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(["sku", "summary", "items", "total", "page", "pageSize", "mine", "canReview"], HostRequests.Keys(json));
        Assert.Equal(sku, json.GetProperty("sku").GetString());
        Assert.Equal("""{"average":0,"count":0,"stars":[0,0,0,0,0]}""", json.GetProperty("summary").GetRawText());
        Assert.Equal((0, 1, 10), (json.GetProperty("total").GetInt32(), json.GetProperty("page").GetInt32(), json.GetProperty("pageSize").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("mine").ValueKind);
        Assert.False(json.GetProperty("canReview").GetBoolean());
    }

    [Fact]
    public async Task A_buyer_creates_with_201_edits_with_200_and_the_list_shows_the_item_and_summary_exactly()
    {
        var sku = await NewBookAsync(required);
        var (_, ana) = await BuyerAsync(required, sku);
        var (_, ben) = await BuyerAsync(required, sku, name: "ben@example.com");

        var created = await ana.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(3, "  <b>Not bold</b> & plain.\nSecond line.  "));
        var edited = await ana.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(4, "<b>Not bold</b> & plain, on reflection."));
        await ben.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(5));
        var item = await created.ReadJsonAsync();
        var list = await (await ana.GetAsync($"/api/catalog/{sku}/reviews")).ReadJsonAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, edited.StatusCode));
        Assert.Equal(ItemKeys, HostRequests.Keys(item));
        Assert.Equal("<b>Not bold</b> & plain.\nSecond line.", item.GetProperty("text").GetString());
        Assert.Equal(("Ana Reader", true, 0), (item.GetProperty("reviewer").GetString(), item.GetProperty("verifiedPurchase").GetBoolean(), item.GetProperty("helpful").GetInt32()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", item.GetProperty("createdAt").GetString());
        Assert.Equal(item.GetProperty("id").GetString(), (await edited.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal("""{"average":4.5,"count":2,"stars":[0,0,0,1,1]}""", list.GetProperty("summary").GetRawText());
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(["A shopper", "Ana Reader"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reviewer").GetString()));
        Assert.Equal(item.GetProperty("id").GetString(), list.GetProperty("mine").GetProperty("id").GetString());
        Assert.Equal(4, list.GetProperty("mine").GetProperty("rating").GetInt32());
        Assert.True(list.GetProperty("canReview").GetBoolean());
    }

    [Fact]
    public async Task A_shopper_who_did_not_buy_the_book_gets_403_and_an_anonymous_caller_401()
    {
        var sku = await NewBookAsync(required);
        var (_, stranger) = Shopper(required);

        var refused = await stranger.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review());
        var anonymous = await required.Client().PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review());
        var list = await (await stranger.GetAsync($"/catalog/{sku}/reviews")).ReadJsonAsync();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (refused.StatusCode, anonymous.StatusCode));
        Assert.Equal("only shoppers who bought this book can review it", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.False(list.GetProperty("canReview").GetBoolean());
    }

    public static TheoryData<string, string> BadReviews => new()
    {
        { """{"rating":0,"text":"Long enough text."}""", "rating" },
        { """{"rating":6,"text":"Long enough text."}""", "rating" },
        { """{"rating":4.5,"text":"Long enough text."}""", "rating" },
        { """{"text":"Long enough text."}""", "rating" },
        { """{"rating":4,"text":"   short  "}""", "text" },
        { """{"rating":4}""", "text" },
        { """{"rating":4,"text":"Bell \u0007 rings here"}""", "text" },
        { $$"""{"rating":4,"text":"{{new string('x', 4001)}}"}""", "text" },
    };

    [Theory, MemberData(nameof(BadReviews))]
    public async Task A_bad_rating_or_text_is_422_naming_the_field_and_stores_nothing(string body, string field)
    {
        var sku = await NewBookAsync(required);
        var (_, ana) = await BuyerAsync(required, sku);

        var refused = await ana.PutAsync($"/catalog/{sku}/reviews/mine", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
        Assert.Equal(0, (await (await ana.GetAsync($"/catalog/{sku}/reviews")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Unknown_books_are_404_and_bad_paging_or_sort_422()
    {
        var (_, ana) = Shopper(required);

        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync("/catalog/NO-SUCH-BOOK/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.PutAsJsonAsync("/catalog/NO-SUCH-BOOK/reviews/mine", Review())).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ana.GetAsync("/catalog/BOOK-001/reviews?sort=stars")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ana.GetAsync("/catalog/BOOK-001/reviews?pageSize=51")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ana.PostAsync("/reviews/not-a-uuid/helpful", null)).StatusCode);
    }

    [Fact]
    public async Task Delete_is_204_then_404_and_the_review_leaves_the_summary()
    {
        var sku = await NewBookAsync(required);
        var (_, ana) = await BuyerAsync(required, sku);
        await ana.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(2));

        var deleted = await ana.DeleteAsync($"/catalog/{sku}/reviews/mine");
        var again = await ana.DeleteAsync($"/catalog/{sku}/reviews/mine");
        var list = await (await ana.GetAsync($"/catalog/{sku}/reviews")).ReadJsonAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, again.StatusCode));
        Assert.Equal(0, list.GetProperty("summary").GetProperty("count").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, list.GetProperty("mine").ValueKind);
    }

    [Fact]
    public async Task Helpful_is_counted_once_per_shopper_and_409_on_ones_own_review()
    {
        var sku = await NewBookAsync(required);
        var (_, ana) = await BuyerAsync(required, sku);
        var id = (await (await ana.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review())).ReadJsonAsync()).GetProperty("id").GetString();
        var (_, ben) = Shopper(required);

        var first = await ben.PostAsync($"/reviews/{id}/helpful", null);
        var second = await ben.PostAsync($"/api/reviews/{id}/helpful", null);
        var own = await ana.PostAsync($"/reviews/{id}/helpful", null);
        var unknown = await ben.PostAsync($"/reviews/{Guid.NewGuid()}/helpful", null);

        Assert.Equal("""{"helpful":1}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"helpful":1}""", await second.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.NotFound), (own.StatusCode, unknown.StatusCode));
    }

    [Fact]
    public async Task An_admin_hides_a_review_it_leaves_list_and_summary_and_its_author_sees_it_hidden()
    {
        var sku = await NewBookAsync(required);
        var (_, ana) = await BuyerAsync(required, sku);
        var (_, ben) = await BuyerAsync(required, sku);
        var id = (await (await ana.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(1))).ReadJsonAsync()).GetProperty("id").GetString();
        await ben.PutAsJsonAsync($"/catalog/{sku}/reviews/mine", Review(5));
        var admin = required.Client(TestTokens.Admin());

        var byShopper = await ben.PutAsJsonAsync($"/admin/reviews/{id}/hidden", new { hidden = true });
        var hidden = await admin.PutAsJsonAsync($"/admin/reviews/{id}/hidden", new { hidden = true });
        var item = await hidden.ReadJsonAsync();
        var seenByBen = await (await ben.GetAsync($"/catalog/{sku}/reviews")).ReadJsonAsync();
        var seenByAna = await (await ana.GetAsync($"/catalog/{sku}/reviews")).ReadJsonAsync();
        var moderation = await (await admin.GetAsync("/admin/reviews?hidden=true")).ReadJsonAsync();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (byShopper.StatusCode, hidden.StatusCode));
        Assert.Equal([.. ItemKeys, "hidden", "sku"], HostRequests.Keys(item));
        Assert.Equal("""{"average":5,"count":1,"stars":[0,0,0,0,1]}""", seenByBen.GetProperty("summary").GetRawText());
        Assert.DoesNotContain(seenByBen.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.True(seenByAna.GetProperty("mine").GetProperty("hidden").GetBoolean());
        Assert.Contains(moderation.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id && i.GetProperty("sku").GetString() == sku);
        Assert.Equal(["items", "total", "page", "pageSize"], HostRequests.Keys(moderation));
    }
}
