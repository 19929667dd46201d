namespace K8Shop.Contracts.Rules;

/// <summary>
/// Every business limit of the shop, defined once: the gateway validates requests against these and the grains re-check
/// them. A grain option may tighten a limit (checked at start), never widen it, so a request the gateway accepts is one
/// a grain with default settings accepts too.
/// </summary>
public static class ShopLimits
{
    /// <summary>Ids a request names and a grain is keyed by.</summary>
    public static class Ids
    {
        /// <summary>User, guest, order and payment ids: longer ones could only be looked up to be found missing.</summary>
        public const int MaxLength = 128;

        /// <summary>A catalog SKU.</summary>
        public const int MaxSkuLength = 64;

        /// <summary>The <c>Idempotency-Key</c> header (printable ASCII).</summary>
        public const int MaxIdempotencyKeyLength = 255;

        /// <summary>A payment token sent with an order or a charge.</summary>
        public const int MaxPaymentTokenLength = 128;
    }

    public static class Cart
    {
        /// <summary>Distinct products in one cart.</summary>
        public const int MaxLines = 50;

        /// <summary>Copies of one product in one cart.</summary>
        public const int MaxQuantityPerLine = 99;
    }

    public static class Orders
    {
        /// <summary>Distinct SKUs in one order (lines naming the same SKU are summed first). A full cart always fits.</summary>
        public const int MaxLines = 50;

        /// <summary>Units of one SKU in one order.</summary>
        public const int MaxQuantityPerLine = 1_000;

        /// <summary>Lines in one request before lines naming the same SKU are summed.</summary>
        public const int MaxRequestLines = 2 * MaxLines;

        /// <summary>A price a client sends with a line (checked, never used: the catalog prices every line).</summary>
        public const decimal MaxClientPrice = Catalog.ProductRules.MaxPrice;
    }

    public static class Inventory
    {
        /// <summary>
        /// The largest stock a SKU may be given (catalog product, <c>PUT /inventory/{sku}</c>, restock): room for a hot
        /// SKU under load tests (the benchmark stocks 5,000,000) and far from overflowing the counters.
        /// </summary>
        public const int MaxStock = 10_000_000;

        /// <summary>
        /// Units one reservation or apply line may ask for. Only a quantity no stock could hold is absurd (422); anything
        /// up to it is answered by the stock itself, out of stock when short.
        /// </summary>
        public const int MaxQuantity = MaxStock;

        /// <summary>Distinct SKUs in one <c>POST /inventory/apply</c> (the original's DynamoDB transaction held 25).</summary>
        public const int MaxSkusPerApply = 25;

        /// <summary>The longest a reservation may hold stock, in seconds (a day).</summary>
        public const int MaxReservationSeconds = 86_400;

        /// <summary>How long a reservation holds stock when the caller does not say, in seconds.</summary>
        public const int DefaultReservationSeconds = 15 * 60;

        public static readonly TimeSpan MaxReservationLifetime = TimeSpan.FromSeconds(MaxReservationSeconds);

        public static readonly TimeSpan DefaultReservationLifetime = TimeSpan.FromSeconds(DefaultReservationSeconds);
    }

    public static class Shipping
    {
        /// <summary>Name, address, city and country of a shipping address, after trimming.</summary>
        public const int MaxFieldLength = 200;

        public const int MaxPostalCodeLength = 20;
    }

    public static class Payments
    {
        /// <summary>The largest amount a charge request may name (a processor's own limit declines lower amounts).</summary>
        public const decimal MaxAmount = 1_000_000_000m;
    }

    /// <summary>Ratings and reviews of a book.</summary>
    public static class Reviews
    {
        public const int MinRating = 1;

        public const int MaxRating = 5;

        /// <summary>Characters of a review's text after trimming (a rating needs a few words with it).</summary>
        public const int MinTextLength = 10;

        public const int MaxTextLength = 4_000;

        /// <summary>A reviewer's display name as shown, after trimming (longer names are cut).</summary>
        public const int MaxReviewerLength = 80;

        public const int DefaultPageSize = 10;

        public const int MaxPageSize = 50;
    }

    /// <summary>Home shelves and recently viewed.</summary>
    public static class Recommendations
    {
        /// <summary>Books a signed-in shopper's recently viewed keeps, newest first (older views drop off).</summary>
        public const int MaxRecentlyViewed = 20;

        /// <summary>Books one home shelf shows at most.</summary>
        public const int MaxShelfItems = 24;
    }

    /// <summary>Pages of a listing (catalog, a shopper's orders and notifications).</summary>
    public static class Paging
    {
        public const int DefaultPageSize = 20;

        public const int MaxPageSize = 100;

        public const int MaxPage = 1_000_000;

        /// <summary>Short ranked lists: recommendations and hot SKUs.</summary>
        public const int MaxListLength = 50;
    }

    /// <summary>Search and suggestions (<c>/catalog/search</c>, <c>/catalog/suggest</c>).</summary>
    public static class Search
    {
        public const int DefaultPageSize = 20;

        public const int MaxPageSize = 50;

        /// <summary>The search text after trimming.</summary>
        public const int MaxQueryLength = Catalog.ProductRules.MaxSearchTextLength;

        /// <summary>Words, phrases and exclusions in one query: more only costs the store.</summary>
        public const int MaxQueryTerms = 16;

        /// <summary>What a suggestion request may type.</summary>
        public const int MaxSuggestLength = 100;

        public const int DefaultSuggestLimit = 8;

        public const int MaxSuggestLimit = 20;

        /// <summary>Values listed per facet (the most frequent first).</summary>
        public const int MaxFacetValues = 20;

        /// <summary>"Did you mean" is offered only when fewer books than this matched.</summary>
        public const int DidYouMeanBelow = 3;
    }
}
