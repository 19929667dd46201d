using K8Shop.Contracts.Orders;
using K8Shop.Contracts.Payments;
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

namespace K8Shop.Gateways.Payments;

/// <summary>
/// The original payment-service's <c>POST /payments</c>, now one charge per order whatever the retries, plus what
/// its documentation promised: read a payment (by payment id or order id) and refund it; also under /api/payments.
/// Both charge and refund go through the order (<see cref="IOrderGrain.PayAsync"/>, <see cref="IOrderGrain.RefundAsync"/>):
/// a signed-in caller pays only an existing order of theirs, for its total, and a refund cancels or returns the order
/// with the money. In <c>Auth:Mode=open</c> an order id with no order still gets the original's standalone charge.
/// </summary>
public static class PaymentsApi
{
    public const string Required = "order_id, user_id and positive total_amount required";

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/payments/healthz", GetHealth).WithName("PaymentsHealth").WithTags("Health").AllowAnonymous()
            .Produces<PaymentHealthResponse>().Produces<PaymentHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/payment/healthz", GetHealth).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/api/payments/healthz", GetHealth).ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/payments/tokens", CreateToken).WithName("CreatePaymentToken").WithTags("Payments").RequireAuthorization(AuthPolicies.Account)
            .WithSummary("Turns card details into a payment token for POST /orders (test processor; a declining test card gets a declining token)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        Map(app.MapGroup("/payments").WithTags("Payments").RequireAuthorization(AuthPolicies.Account), "");
        Map(app.MapGroup("/api/payments").ExcludeFromDescription().RequireAuthorization(AuthPolicies.Account), "Edge");
        return app;
    }

    private static void Map(RouteGroupBuilder payments, string suffix)
    {
        payments.MapPost("", Charge).WithName("ChargePayment" + suffix)
            .WithSummary("Charges an existing order of the caller once, for its total; a retry gets the same decision")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/{paymentId}", Get).WithName("GetPayment" + suffix).WithSummary("A payment, by payment id or order id").ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapPost("/{paymentId}/refund", Refund).WithName("RefundPayment" + suffix)
            .WithSummary("Refunds through the order: before shipping it cancels the order (200, refunded once, stock back); after, it requests a return an admin decides (202)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> Charge(IGrainFactory grains, HttpRequest http, PaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var key = IdempotencyKeys.Read(http, errors);
        if (errors.Count > 0)
            return Problems.Unprocessable(errors);
        if (string.IsNullOrWhiteSpace(request.OrderId) || string.IsNullOrWhiteSpace(request.UserId) || request.TotalAmount is not > 0)
            return Invalid(request);
        if (Check(request) is { Count: > 0 } invalid)
            return TypedResults.Problem(new HttpValidationProblemDetails(invalid)
            {
                Status = StatusCodes.Status400BadRequest,
                Detail = Problems.Summarize(invalid),
                Extensions = { ["error"] = "invalid payment request" },
            });

        var charge = new ChargeRequest(request.UserId, request.TotalAmount.Value, request.PaymentToken);
        var payment = key is null
            ? await grains.GetGrain<IOrderGrain>(request.OrderId).PayAsync(charge)
            : await grains.GetGrain<IPaymentRequestGrain>(IdempotencyKeys.ScopedToCaller(http.HttpContext, key)).ChargeAsync(request.OrderId, charge,
                IdempotencyKeys.Fingerprint(request.OrderId, request.UserId, request.TotalAmount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), request.PaymentToken));
        return TypedResults.Ok(PaymentResponse.From(payment));
    }

    public static async Task<Results<Ok<PaymentTokenResponse>, ProblemHttpResult>> CreateToken(IGrainFactory grains, TimeProvider clock, PaymentTokenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (CardInput.Check(request, clock.GetUtcNow(), errors) is not { } card)
            return Problems.Unprocessable(errors);
        return TypedResults.Ok(PaymentTokenResponse.From(await grains.GetGrain<IPaymentTokenGrain>(0).TokenizeAsync(card)));
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> Get(IGrainFactory grains, string paymentId)
    {
        if (GrainKeys.Check(paymentId, "paymentId") is { } invalid)
            return invalid;
        var payment = await grains.GetGrain<IPaymentGrain>(OrderIdOf(paymentId)).GetAsync();
        return payment is null
            ? TypedResults.Problem(detail: $"payment {paymentId} does not exist", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(PaymentResponse.From(payment));
    }

    /// <summary>
    /// A refund goes through the order, so no refunded order stays confirmed and shippable. Before shipping the money
    /// is back when this answers (200). After shipping the books must come back first: the order now waits for an
    /// admin (<c>POST /orders/{id}/return</c>), so the answer is 202 with the payment still succeeded and a Location
    /// to follow the order. The answer's <c>order_status</c> says which.
    /// </summary>
    public static async Task<Results<Ok<PaymentResponse>, Accepted<PaymentResponse>, ProblemHttpResult>> Refund(IGrainFactory grains, string paymentId)
    {
        if (GrainKeys.Check(paymentId, "paymentId") is { } invalid)
            return invalid;
        var orderId = OrderIdOf(paymentId);
        var refund = await grains.GetGrain<IOrderGrain>(orderId).RefundAsync();
        var body = PaymentResponse.From(refund.Payment) with { OrderStatus = refund.Order?.Status.Wire() };
        return refund.AwaitingReturn ? TypedResults.Accepted($"/orders/{Uri.EscapeDataString(orderId)}", body) : TypedResults.Ok(body);
    }

    public static async Task<JsonHttpResult<PaymentHealthResponse>> GetHealth(IGrainFactory grains)
    {
        var health = await grains.GetGrain<IBackendHealthGrain>("payments").CheckAsync();
        return TypedResults.Json(new PaymentHealthResponse(health.Ok, health.Backend),
            statusCode: health.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static string OrderIdOf(string paymentId) => PaymentIds.OrderIdOf(paymentId) ?? paymentId;

    /// <summary>
    /// Beyond the original's checks (present, positive): ids a payment can be read and refunded by (the order id is a
    /// path segment there), an amount that can be charged (whole cents, at most <see cref="ShopLimits.Payments.MaxAmount"/>), a token's size.
    /// </summary>
    private static Dictionary<string, string[]> Check(PaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        // Order ids follow the same rule as user ids.
        CartInput.CheckUserId(request.OrderId!, errors, "order_id");
        CartInput.CheckUserId(request.UserId!, errors, "user_id");
        var amount = request.TotalAmount!.Value;
        if (amount > ShopLimits.Payments.MaxAmount)
            errors["total_amount"] = [$"must be at most {ShopLimits.Payments.MaxAmount}"];
        else if (decimal.Round(amount, 2) != amount)
            errors["total_amount"] = ["must be in whole cents (at most 2 decimal places)"];
        if (request.PaymentToken is { Length: > ShopLimits.Ids.MaxPaymentTokenLength })
            errors["payment_token"] = [$"must be at most {ShopLimits.Ids.MaxPaymentTokenLength} characters"];
        return errors;
    }

    private static ProblemHttpResult Invalid(PaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.OrderId))
            errors["order_id"] = ["Field required"];
        if (string.IsNullOrWhiteSpace(request.UserId))
            errors["user_id"] = ["Field required"];
        if (request.TotalAmount is not > 0)
            errors["total_amount"] = ["must be a positive number"];
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = Required,
            Extensions = { ["error"] = Required },
        });
    }
}
