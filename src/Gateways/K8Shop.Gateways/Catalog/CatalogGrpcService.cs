using Grpc.Core;
using K8Shop.Contracts.Catalog;
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
