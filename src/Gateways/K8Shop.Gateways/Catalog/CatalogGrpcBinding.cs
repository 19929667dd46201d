using Grpc.Core;
using K8Shop.Gateways.Errors;
using V1 = K8Shop.Contracts.Catalog.V1;

namespace K8Shop.Gateways.Catalog;

/// <summary>
/// Binds <c>catalog.v1.CatalogService</c> as the generated code does (same service and method names, same wire
/// format), but reads requests with <see cref="StrictGrpcMarshaller"/>, so a malformed request is INVALID_ARGUMENT.
/// </summary>
public static class CatalogGrpcBinding
{
    private static readonly string ServiceName = V1.CatalogService.Descriptor.FullName;

    /// <summary>
    /// ASP.NET Core's gRPC binder passes no instance (it creates one per call), so handlers are null then. The second
    /// parameter is the generated base class: the binder looks for the overrides of its methods.
    /// </summary>
    public static void BindService(ServiceBinderBase binder, V1.CatalogService.CatalogServiceBase? service)
    {
        binder.AddMethod(
            Unary(nameof(CatalogGrpcService.GetProduct), V1.GetProductRequest.Parser, V1.Product.Parser),
            service is null ? null : service.GetProduct);
        binder.AddMethod(
            Unary(nameof(CatalogGrpcService.ListProducts), V1.ListProductsRequest.Parser, V1.ListProductsResponse.Parser),
            service is null ? null : service.ListProducts);
        binder.AddMethod(
            Unary(nameof(CatalogGrpcService.SearchProducts), V1.SearchProductsRequest.Parser, V1.SearchProductsResponse.Parser),
            service is null ? null : service.SearchProducts);
        binder.AddMethod(
            Unary(nameof(CatalogGrpcService.SuggestProducts), V1.SuggestProductsRequest.Parser, V1.SuggestProductsResponse.Parser),
            service is null ? null : service.SuggestProducts);
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(
        string name, Google.Protobuf.MessageParser<TRequest> request, Google.Protobuf.MessageParser<TResponse> response)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, Google.Protobuf.IBufferMessage
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, Google.Protobuf.IBufferMessage =>
        new(MethodType.Unary, ServiceName, name, StrictGrpcMarshaller.For(request), StrictGrpcMarshaller.For(response));
}
