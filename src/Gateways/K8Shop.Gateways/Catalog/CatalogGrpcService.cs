using Grpc.Core;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Catalog.Search;
using K8Shop.Contracts.Storage;
using V1 = K8Shop.Contracts.Catalog.V1;

namespace K8Shop.Gateways.Catalog;

/// <summary>
/// <c>catalog.v1.CatalogService</c> as the original served it: same lookups and filters as REST, proto3
/// defaults meaning "no filter", NOT_FOUND for an unknown id, UNAVAILABLE while the store is down.
/// </summary>
[BindServiceMethod(typeof(CatalogGrpcBinding), nameof(CatalogGrpcBinding.BindService))]
public sealed class CatalogGrpcService(IGrainFactory grains) : V1.CatalogService.CatalogServiceBase
{
    public override async Task<V1.Product> GetProduct(V1.GetProductRequest request, ServerCallContext context)
    {
        if (!ProductRules.IsProductId(request.Id))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"id {ProductRules.ProductIdRule}"));
        var product = await Call(() => grains.GetGrain<ICatalogGrain>(0).FindAsync(request.Id));
        return product is null ? throw new RpcException(new Status(StatusCode.NotFound, "not found")) : ToMessage(product);
    }

    public override async Task<V1.ListProductsResponse> ListProducts(V1.ListProductsRequest request, ServerCallContext context)
    {
        var text = CatalogQueryParser.Text(request.Q);
        if (text is { Length: > ProductRules.MaxSearchTextLength })
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"q must be at most {ProductRules.MaxSearchTextLength} characters"));
        var query = new CatalogQuery(
            text,
            CatalogQueryParser.Text(request.Tag),
            PriceFilter(request.Min),
            PriceFilter(request.Max));

        var page = await Call(() => grains.GetGrain<ICatalogGrain>(0).SearchAsync(query));
        var response = new V1.ListProductsResponse();
        response.Items.AddRange(page.Items.Select(ToMessage));
        return response;
    }

    /// <summary>The shopper's search, read and validated as <c>GET /catalog/search</c> reads it; a bad field is INVALID_ARGUMENT.</summary>
    public override async Task<V1.SearchProductsResponse> SearchProducts(V1.SearchProductsRequest request, ServerCallContext context)
    {
        static string? Number(bool has, double value) => has ? value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
        static string? Whole(int value) => value == 0 ? null : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (query, errors) = SearchQueryParser.ParseSearch(new(
            request.Q, request.Tag, request.Author, request.PriceBand,
            request.HasInStock ? (request.InStock ? "true" : "false") : null,
            Number(request.HasMin, request.Min), Number(request.HasMax, request.Max),
            request.Sort, Whole(request.Page), Whole(request.PageSize)));
        if (query is null)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Errors.Problems.Summarize(errors)));

        var result = await Call(() => grains.GetGrain<ICatalogSearchGrain>(0).SearchAsync(query));
        var body = SearchResponse.From(query.Text ?? string.Empty, query, result);
        var response = new V1.SearchProductsResponse
        {
            Total = body.Total,
            Page = body.Page,
            PageSize = body.PageSize,
            TotalPages = body.TotalPages,
            DidYouMean = body.DidYouMean ?? string.Empty,
            Facets = new V1.SearchFacets(),
        };
        response.Items.AddRange(result.Items.Select(ToMessage));
        response.Facets.Tags.AddRange(body.Facets.Tags.Select(ToMessage));
        response.Facets.Authors.AddRange(body.Facets.Authors.Select(ToMessage));
        response.Facets.PriceBands.AddRange(body.Facets.PriceBands.Select(ToMessage));
        response.Facets.InStock.AddRange(body.Facets.InStock.Select(ToMessage));
        return response;
    }

    public override async Task<V1.SuggestProductsResponse> SuggestProducts(V1.SuggestProductsRequest request, ServerCallContext context)
    {
        var (prefix, limit, errors) = SearchQueryParser.ParseSuggest(request.Q, request.Limit == 0 ? null : request.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (errors.Count > 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, Errors.Problems.Summarize(errors)));
        var response = new V1.SuggestProductsResponse();
        if (prefix.Length == 0)
            return response;
        var suggestions = await Call(() => grains.GetGrain<ICatalogSearchGrain>(0).SuggestAsync(prefix, limit));
        response.Suggestions.AddRange(suggestions.Select(s => new V1.Suggestion
        {
            Kind = SuggestionResponse.From(s).Kind,
            Text = s.Text,
            Sku = s.Sku ?? string.Empty,
        }));
        return response;
    }

    private static V1.SearchHit ToMessage(BookSearchHit hit)
    {
        var message = new V1.SearchHit { Product = ToMessage(hit.Product) };
        if (hit.Rating is { Count: > 0 } rating)
            message.Rating = new V1.Rating { Average = Math.Round(rating.Average, 2), Count = rating.Count };
        foreach (var highlight in hit.Highlights)
        {
            var h = new V1.Highlight { Field = highlight.Field, Value = highlight.Value ?? string.Empty };
            h.Ranges.AddRange(highlight.Ranges.Select(r => new V1.TextRange { Start = r.Start, Length = r.Length }));
            message.Highlights.Add(h);
        }
        return message;
    }

    private static V1.FacetValue ToMessage(FacetValueResponse facet) => new() { Value = facet.Value, Count = facet.Count };

    /// <summary>proto3 cannot tell 0 from absent, so 0 (and NaN) mean no filter, as in the original.</summary>
    private static decimal? PriceFilter(double value) =>
        value == 0 || double.IsNaN(value) ? null : CatalogQueryParser.Price(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    private static V1.Product ToMessage(Product product)
    {
        var message = new V1.Product
        {
            Id = product.Id.ToString("D"),
            Sku = product.Sku,
            Title = product.Title,
            Price = (double)product.Price,
        };
        message.Tags.AddRange(product.Tags);
        return message;
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CatalogUnavailableException ex)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, ex.Message));
        }
        catch (Exception ex) when (GrainFailures.IsClusterUnavailable(ex))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the shop's backend did not answer in time; retry shortly"));
        }
    }
}
