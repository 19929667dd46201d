using System.Collections.Immutable;
using System.Globalization;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Rules;
using K8Shop.Contracts.Storage;
using K8Shop.Gateways.Cart;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using K8Shop.Gateways.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Orders;

/// <summary>
/// The original order-service's <c>POST /orders</c>, now the checkout saga, plus what its documentation promised:
/// read an order, a user's orders, ship and deliver (admin), cancel; also under /api/orders as nginx mapped them.
/// </summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // Exact routes first, as nginx's '= /api/orders/healthz' won over the prefix.
        app.MapGet("/orders/healthz", GetHealth).WithName("OrdersHealth").WithTags("Health").AllowAnonymous()
            .Produces<OrdersHealthResponse>().Produces<OrdersHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/orders/healthz", GetHealth).ExcludeFromDescription().AllowAnonymous();
        Map(app.MapGroup("/orders").WithTags("Orders").RequireAuthorization(AuthPolicies.Account), "");
        Map(app.MapGroup("/api/orders").ExcludeFromDescription().RequireAuthorization(AuthPolicies.Account), "Edge");
        return app;
    }

    private static void Map(RouteGroupBuilder orders, string suffix)
    {
        orders.MapPost("", Place).WithName("PlaceOrder" + suffix).WithSummary("Places an order and runs checkout to its outcome")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapGet("/by-key", GetByKey).WithName("GetOrderByIdempotencyKey" + suffix).WithSummary("The order placed under an Idempotency-Key, while its checkout runs or after")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/{orderId}", Get).WithName("GetOrder" + suffix).WithSummary("An order with its payment and timeline").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/user/{userId}", ListForUser).WithName("ListUserOrders" + suffix).WithSummary("A user's orders, newest first").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(AuthPolicies.Shopper);
        orders.MapPut("/{orderId}/status", SetStatus).WithName("SetOrderStatus" + suffix).WithSummary("Marks an order shipped or delivered (admin)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AuthPolicies.Admin);
        orders.MapPost("/{orderId}/cancel", Cancel).WithName("CancelOrder" + suffix).WithSummary("Cancels: releases stock, refunds a payment")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/{orderId}/return", DecideReturn).WithName("DecideOrderReturn" + suffix)
            .WithSummary("Approves a requested return (refund once, units back to stock, returned) or declines it (back to shipped or delivered) (admin)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AuthPolicies.Admin);
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Place(IGrainFactory grains, HttpRequest http, PlaceOrderRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var key = IdempotencyKeys.Read(http, errors);
        if (string.IsNullOrEmpty(request.UserId))
            errors["userId"] = ["Field required"];
        else
            CartInput.CheckUserId(request.UserId, errors);
        if (request.PaymentToken is { Length: > ShopLimits.Ids.MaxPaymentTokenLength })
            errors["paymentToken"] = [$"must be at most {ShopLimits.Ids.MaxPaymentTokenLength} characters"];
        if (request.Items is [])
            return TypedResults.Problem(detail: "items required", statusCode: StatusCodes.Status400BadRequest);
        var lines = CheckItems(request.Items, errors);
        var shipping = CheckShipping(request.Shipping, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);

        var fromCart = request.Items is null;
        var hash = IdempotencyKeys.Fingerprint(
            [request.UserId, fromCart ? "cart" : "lines", request.PaymentToken,
             .. lines.Select(l => $"{l.Sku.ToUpperInvariant()}:{l.Quantity}"),
             .. shipping is null ? [] : new[] { "shipping", shipping.Name, shipping.Address, shipping.City, shipping.PostalCode, shipping.Country }]);
        var orderId = key is null ? OrderIds.New() : OrderIds.FromIdempotencyKey(IdempotencyKeys.ScopedToCaller(http.HttpContext, key));
        var view = await grains.GetGrain<IOrderGrain>(orderId).PlaceAsync(new PlaceOrder(request.UserId!, lines, fromCart, request.PaymentToken, hash, shipping));
        return TypedResults.Ok(OrderResponse.From(view));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(IGrainFactory grains, string orderId)
    {
        if (CheckOrderId(orderId) is { } invalid)
            return invalid;
        var view = await grains.GetGrain<IOrderGrain>(orderId).GetAsync();
        return view is null ? NotFound(orderId) : TypedResults.Ok(OrderResponse.From(view));
    }

    /// <summary>
    /// A storefront knows its Idempotency-Key before <c>POST /orders</c> answers, so it can follow the saga's steps
    /// while the checkout runs; the order id is derived from the key, never stored against it.
    /// </summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetByKey(IGrainFactory grains, HttpContext http, string? key)
    {
        var errors = new Dictionary<string, string[]>();
        if (IdempotencyKeys.Check(key, "key", errors) is not { } valid)
            return Problems.Unprocessable(errors);
        var orderId = OrderIds.FromIdempotencyKey(IdempotencyKeys.ScopedToCaller(http, valid));
        var view = await grains.GetGrain<IOrderGrain>(orderId).GetAsync();
        return view is null ? TypedResults.Problem(detail: "no order was placed under this key", statusCode: StatusCodes.Status404NotFound) : TypedResults.Ok(OrderResponse.From(view));
    }

    public static async Task<Results<Ok<OrderListResponse>, ProblemHttpResult>> ListForUser(IGrainFactory grains, string userId, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        CartInput.CheckUserId(userId, errors);
        var pageNumber = QueryNumbers.Whole(page, "page", 1, 1, ShopLimits.Paging.MaxPage, errors);
        var size = QueryNumbers.Whole(pageSize, "pageSize", ShopLimits.Paging.DefaultPageSize, 1, ShopLimits.Paging.MaxPageSize, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);

        var listed = await grains.GetGrain<IUserOrdersGrain>(userId).ListAsync((pageNumber - 1) * size, size);
        return TypedResults.Ok(new OrderListResponse(userId, pageNumber, size, listed.Total, [.. listed.Orders.Select(OrderResponse.From)]));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> SetStatus(IGrainFactory grains, string orderId, OrderStatusRequest request)
    {
        if (CheckOrderId(orderId) is { } invalid)
            return invalid;
        var status = OrderStatuses.Parse(request.Status);
        if (status is not (OrderStatus.Shipped or OrderStatus.Delivered))
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["status"] = ["must be 'shipped' or 'delivered'"] });
        return TypedResults.Ok(OrderResponse.From(await grains.GetGrain<IOrderGrain>(orderId).SetFulfilmentAsync(status.Value)));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(IGrainFactory grains, string orderId)
    {
        if (CheckOrderId(orderId) is { } invalid)
            return invalid;
        return TypedResults.Ok(OrderResponse.From(await grains.GetGrain<IOrderGrain>(orderId).CancelAsync()));
    }

    /// <summary>
    /// A shopper asks for a return by refunding a shipped order's payment (<c>POST /payments/{id}/refund</c>); this is
    /// the admin's answer once the books are back, or not. The decision is explicit (<c>approve</c> required), so an
    /// empty body never refunds anything.
    /// </summary>
    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> DecideReturn(IGrainFactory grains, string orderId, OrderReturnRequest request)
    {
        if (CheckOrderId(orderId) is { } invalid)
            return invalid;
        if (request.Approve is not { } approve)
            return Problems.Unprocessable(new Dictionary<string, string[]> { ["approve"] = ["Field required: true approves the return, false declines it"] });
        return TypedResults.Ok(OrderResponse.From(await grains.GetGrain<IOrderGrain>(orderId).DecideReturnAsync(approve)));
    }

    public static async Task<JsonHttpResult<OrdersHealthResponse>> GetHealth(IGrainFactory grains)
    {
        var health = await grains.GetGrain<IBackendHealthGrain>("orders").CheckAsync();
        return TypedResults.Json(new OrdersHealthResponse(health.Ok, health.Backend == "postgresql", health.Backend),
            statusCode: health.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Each line: a catalog SKU, a whole quantity (<c>qty</c>, or <c>quantity</c>) and a positive price if one is sent;
    /// then the lines summed by SKU within the order's limits, by the same rule the order grain applies.
    /// </summary>
    private static ImmutableArray<OrderLineRequest> CheckItems(List<PlaceOrderItem?>? items, Dictionary<string, string[]> errors)
    {
        if (items is null)
            return [];
        if (items.Count > ShopLimits.Orders.MaxRequestLines)
        {
            errors["items"] = [$"must have at most {ShopLimits.Orders.MaxRequestLines} lines (got {items.Count})"];
            return [];
        }
        var lines = ImmutableArray.CreateBuilder<OrderLineRequest>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item?.Sku is not { } sku || !ProductRules.IsSku(sku))
                errors[$"items[{i}].sku"] = [item?.Sku is null ? "Field required" : "must be a catalog SKU"];
            var qty = item?.Qty ?? item?.Quantity;
            if (qty is null)
                errors[$"items[{i}].qty"] = ["Field required"];
            else if (decimal.Truncate(qty.Value) != qty)
                errors[$"items[{i}].qty"] = ["must be a whole number"];
            else if (qty < 1 || qty > ShopLimits.Orders.MaxQuantityPerLine)
                errors[$"items[{i}].qty"] = [$"must be between 1 and {ShopLimits.Orders.MaxQuantityPerLine}"];
            if (item?.Price is { } price && (price <= 0 || price > ShopLimits.Orders.MaxClientPrice))
                errors[$"items[{i}].price"] = [$"must be greater than 0 and at most {ShopLimits.Orders.MaxClientPrice} (the catalog sets the price anyway)"];
            if (item?.Sku is { } s && qty is { } q && !errors.Keys.Any(k => k.StartsWith($"items[{i}]", StringComparison.Ordinal)))
                lines.Add(new OrderLineRequest(s, (int)q));
        }
        if (errors.Count > 0 || lines.Count == 0)
            return lines.ToImmutable();
        if (OrderLines.Sum(lines).Broken is { } broken)
            errors[broken.Field] = [broken.Reason];
        return lines.ToImmutable();
    }

    /// <summary>A shipping address, when sent: each field trimmed, then checked by the rule the order grain applies.</summary>
    private static ShippingAddress? CheckShipping(ShippingRequest? shipping, Dictionary<string, string[]> errors)
    {
        if (shipping is null)
            return null;
        var address = new ShippingAddress(Trim(shipping.Name), Trim(shipping.Address), Trim(shipping.City), Trim(shipping.PostalCode), Trim(shipping.Country));
        var broken = OrderLines.CheckShipping(address);
        foreach (var (field, reasons) in broken)
            errors[field] = reasons;
        return broken.Count > 0 ? null : address;
    }

    private static string Trim(string? value) => value?.Trim() ?? "";

    private static ProblemHttpResult? CheckOrderId(string orderId) => GrainKeys.Check(orderId, "orderId");

    private static ProblemHttpResult NotFound(string orderId) =>
        TypedResults.Problem(detail: $"order {orderId} does not exist", statusCode: StatusCodes.Status404NotFound);
}
