using System.Globalization;
using System.Text.Json;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Notifications;
using K8Shop.Contracts.Rules;
using K8Shop.Gateways.Auth;
using K8Shop.Gateways.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8Shop.Gateways.Notifications;

/// <summary>
/// The original notification-service's <c>POST /notify</c> and health, and what it never had: a shopper's history,
/// contact and back-in-stock requests. Also under /api/notification (the original nginx paths).
/// </summary>
public static partial class NotificationsApi
{
    public const string OrderIdRequired = "order_id required";

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notification/healthz", GetHealth).WithName("NotificationHealth").WithTags("Health").AllowAnonymous()
            .Produces<NotificationHealthResponse>();
        app.MapGet("/api/notification/healthz", GetHealth).ExcludeFromDescription().AllowAnonymous();
        app.MapPost("/notify", Notify).WithName("Notify").WithTags("Notifications").WithSummary("The original's simulated notification of an order's outcome").RequireAuthorization(AuthPolicies.Stock)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPost("/api/notification/notify", Notify).ExcludeFromDescription().RequireAuthorization(AuthPolicies.Stock);
        Map(app.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(AuthPolicies.Shopper), "");
        Map(app.MapGroup("/api/notifications").ExcludeFromDescription().RequireAuthorization(AuthPolicies.Shopper), "Edge");
        return app;
    }

    private static void Map(RouteGroupBuilder group, string suffix)
    {
        group.MapGet("/{userId}", List).WithName("ListNotifications" + suffix).WithSummary("A shopper's notifications, newest first");
        group.MapGet("/{userId}/contact", GetContact).WithName("GetNotificationContact" + suffix).WithSummary("Where a shopper is notified");
        group.MapPut("/{userId}/contact", SetContact).WithName("SetNotificationContact" + suffix).WithSummary("Sets a shopper's e-mail address and phone number");
        group.MapPost("/{userId}/back-in-stock", SubscribeBackInStock).WithName("SubscribeBackInStock" + suffix)
            .WithSummary("Asks for one e-mail when an out-of-stock book is available again");
    }

    /// <summary>
    /// <c>{"order_id","status"?,"type"?}</c>: type is <c>type</c> if given, else <c>failure</c> when status is
    /// <c>payment.failed</c>, else <c>success</c> (as the original). Logged by order id; no e-mail (no user is named).
    /// </summary>
    public static async Task<Results<Ok<NotifyResponse>, ProblemHttpResult>> Notify(
        HttpRequest request, IOptions<NotifyOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return Required("the body must be JSON (Content-Type: application/json)");
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken)).RootElement;
        }
        catch (JsonException)
        {
            return Required("the body is not valid JSON");
        }
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("order_id", out var orderIdValue)
            || orderIdValue.ValueKind != JsonValueKind.String || orderIdValue.GetString() is not { Length: > 0 } orderId)
            return Required("order_id must be a non-empty string");
        if (orderId.Length > ShopLimits.Ids.MaxLength)
            return Required($"order_id must be at most {ShopLimits.Ids.MaxLength} characters");
        var status = Text(body, "status");
        var type = Text(body, "type") ?? (status == "payment.failed" ? "failure" : "success");
        type = type == "failure" ? "failure" : "success";

        if (options.Value.NotifyDelay > TimeSpan.Zero)
            await Task.Delay(options.Value.NotifyDelay, cancellationToken);
        LogNotified(loggers.CreateLogger(typeof(NotificationsApi)), orderId, type);
        return TypedResults.Ok(new NotifyResponse(orderId, true, "http", type));
    }

    public static async Task<Results<Ok<NotificationListResponse>, ValidationProblem>> List(IGrainFactory grains, string userId, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        CheckUserId(userId, errors);
        var pageNumber = QueryNumbers.Whole(page, "page", 1, 1, ShopLimits.Paging.MaxPage, errors);
        var size = QueryNumbers.Whole(pageSize, "pageSize", ShopLimits.Paging.DefaultPageSize, 1, ShopLimits.Paging.MaxPageSize, errors);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var entries = await grains.GetGrain<INotificationGrain>(userId).ListAsync((pageNumber - 1) * size, size);
        return TypedResults.Ok(new NotificationListResponse(userId, pageNumber, size, entries.Total, [.. entries.Entries.Select(NotificationResponse.From)]));
    }

    public static async Task<Results<Ok<ContactResponse>, ValidationProblem>> GetContact(IGrainFactory grains, string userId)
    {
        var errors = new Dictionary<string, string[]>();
        CheckUserId(userId, errors);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var contact = await grains.GetGrain<INotificationGrain>(userId).GetContactAsync();
        return TypedResults.Ok(new ContactResponse(userId, contact?.Email, contact?.Phone));
    }

    public static async Task<Results<Ok<ContactResponse>, ValidationProblem>> SetContact(IGrainFactory grains, string userId, ContactRequest? contact)
    {
        var errors = new Dictionary<string, string[]>();
        CheckUserId(userId, errors);
        var email = Blank(contact?.Email);
        var phone = Blank(contact?.Phone);
        foreach (var (field, reasons) in ContactRules.Check(email, phone))
            errors[field] = reasons;
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var saved = await grains.GetGrain<INotificationGrain>(userId).SetContactAsync(new NotificationContact(email, phone));
        return TypedResults.Ok(new ContactResponse(userId, saved.Email, saved.Phone));
    }

    public static async Task<Results<Ok<BackInStockResponse>, ValidationProblem>> SubscribeBackInStock(IGrainFactory grains, string userId, BackInStockRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckUserId(userId, errors);
        if (string.IsNullOrWhiteSpace(request?.Sku))
            errors["sku"] = ["Field required"];
        else if (request.Sku.Length > ShopLimits.Ids.MaxSkuLength)
            errors["sku"] = [$"must be at most {ShopLimits.Ids.MaxSkuLength} characters"];
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var subscription = await grains.GetGrain<IBackInStockGrain>(InventoryKey.For(request!.Sku!)).SubscribeAsync(userId);
        return TypedResults.Ok(new BackInStockResponse(userId, subscription.Sku, "subscribed", NotificationResponse.Iso(subscription.RegisteredAt)));
    }

    public static JsonHttpResult<NotificationHealthResponse> GetHealth() => TypedResults.Json(new NotificationHealthResponse(true));

    private static ProblemHttpResult Required(string detail) => Problems.WithError(StatusCodes.Status400BadRequest, OrderIdRequired, detail);

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckUserId(string userId, Dictionary<string, string[]> errors)
    {
        if (!ContactRules.IsUserId(userId))
            errors["userId"] = [$"must be 1 to {ContactRules.MaxUserIdLength} characters, without control characters"];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "POST /notify for order {OrderId}: {Type} notification (channel http)")]
    private static partial void LogNotified(ILogger logger, string orderId, string type);
}
