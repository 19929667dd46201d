using K8Shop.Contracts.Cart;
using K8Shop.Contracts.Storage;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace K8Shop.Gateways.Cart;

/// <summary>The original cart-service's contract, at /cart and at the nginx edge paths under /api/cart.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        Map(app.MapGroup("/cart").WithTags("Cart").RequireAuthorization(AuthPolicies.CartOwner), "");
        Map(app.MapGroup("/api/cart").ExcludeFromDescription().RequireAuthorization(AuthPolicies.CartOwner), "Edge");
        // Exact routes win over /api/cart/{userId}, as nginx's '= /api/cart/healthz' did.
        app.MapGet("/api/cart/healthz", GetHealth).WithName("CartHealth").WithTags("Health").AllowAnonymous()
            .Produces<CartHealthResponse>().Produces<CartHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static void Map(RouteGroupBuilder cart, string suffix)
    {
        cart.MapGet("/{userId}", GetCart).WithName("GetCart" + suffix).WithSummary("The shopper's cart").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapPost("/{userId}/items", AddItem).WithName("AddCartItem" + suffix).WithSummary("Adds a product (priced from the catalog)").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapPut("/{userId}/items/{productId}", UpdateQuantity).WithName("UpdateCartItem" + suffix).WithSummary("Sets a line's quantity; 0 removes it").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapDelete("/{userId}/items/{productId}", RemoveItem).WithName("RemoveCartItem" + suffix).WithSummary("Removes a line").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapPost("/{userId}/checkout", Checkout).WithName("CheckoutCart" + suffix).WithSummary("Returns the cart, then empties it").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapDelete("/{userId}", Clear).WithName("ClearCart" + suffix).WithSummary("Empties the cart").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cart.MapPost("/{userId}/merge", Merge).WithName("MergeCart" + suffix).WithSummary("Moves a guest cart into this one").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> GetCart(IGrainFactory grains, string userId) =>
        Run(grains, userId, [], cart => cart.GetAsync());

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> AddItem(IGrainFactory grains, string userId, AddItemRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CartInput.CheckProductId(request.ProductId, errors);
        var quantity = CartInput.CheckQuantity(request.Quantity, 1, errors);
        if (request.Price is null)
            errors["price"] = ["Field required"];
        else if (request.Price < 0)
            errors["price"] = ["must be greater than or equal to 0"];
        return Run(grains, userId, errors, cart => cart.AddItemAsync(request.ProductId!, quantity!.Value));
    }

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> UpdateQuantity(IGrainFactory grains, string userId, string productId, UpdateQuantityRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CartInput.CheckProductId(productId, errors);
        var quantity = CartInput.CheckQuantity(request.Quantity, 0, errors);
        return Run(grains, userId, errors, cart => cart.SetQuantityAsync(productId, quantity!.Value));
    }

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> RemoveItem(IGrainFactory grains, string userId, string productId)
    {
        var errors = new Dictionary<string, string[]>();
        CartInput.CheckProductId(productId, errors);
        return Run(grains, userId, errors, cart => cart.RemoveItemAsync(productId));
    }

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> Checkout(IGrainFactory grains, string userId) =>
        Run(grains, userId, [], cart => cart.CheckoutAsync());

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> Clear(IGrainFactory grains, string userId) =>
        Run(grains, userId, [], cart => cart.ClearAsync());

    public static Task<Results<Ok<CartResponse>, ProblemHttpResult>> Merge(IGrainFactory grains, string userId, MergeCartRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.GuestId))
            errors["guestId"] = ["Field required"];
        else
            CartInput.CheckUserId(request.GuestId, errors, "guestId");
        return Run(grains, userId, errors, cart => cart.MergeFromAsync(request.GuestId!));
    }

    public static async Task<JsonHttpResult<CartHealthResponse>> GetHealth(IGrainFactory grains)
    {
        var health = await grains.GetGrain<IBackendHealthGrain>("cart").CheckAsync();
        return health.Ok
            ? TypedResults.Json(new CartHealthResponse(true, health.Backend, null))
            : TypedResults.Json(new CartHealthResponse(false, health.Backend, health.Error ?? "backend unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Checks the user id and collected field errors (422, as the original's validation), then calls the cart.</summary>
    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> Run(
        IGrainFactory grains, string userId, Dictionary<string, string[]> errors, Func<ICartGrain, Task<CartView>> call)
    {
        CartInput.CheckUserId(userId, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        var cart = await call(grains.GetGrain<ICartGrain>(userId));
        return TypedResults.Ok(CartResponse.From(cart));
    }
}
