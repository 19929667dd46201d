using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Rules;

namespace K8Shop.Gateways.Cart;

/// <summary>
/// POST /cart/{userId}/items. Numbers are read leniently as the original's pydantic did ("2" and 2.0 are 2).
/// <see cref="Price"/> is accepted for compatibility and checked, but never used: the catalog prices the line.
/// </summary>
public sealed record AddItemRequest(
    string? ProductId,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Quantity,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Price);

/// <summary>PUT /cart/{userId}/items/{productId}: the new quantity, 0 to remove.</summary>
public sealed record UpdateQuantityRequest(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Quantity);

/// <summary>POST /cart/{userId}/merge: the guest cart to move into this one.</summary>
public sealed record MergeCartRequest(string? GuestId);

/// <summary>The cart routes' input rules, checked before any grain call.</summary>
public static partial class CartInput
{
    public static readonly string UserIdRule =
        $"must be 1-{ShopLimits.Ids.MaxLength} letters, digits, '.', '_', '-', '@' or ':', starting with a letter or digit";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@:-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();

    public static bool IsUserId(string value) => value.Length <= ShopLimits.Ids.MaxLength && UserIdPattern().IsMatch(value);

    public static void CheckUserId(string userId, Dictionary<string, string[]> errors, string field = "userId")
    {
        if (!IsUserId(userId))
            errors[field] = [UserIdRule];
    }

    public static void CheckProductId(string? productId, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(productId))
            errors["productId"] = ["Field required"];
        else if (!ProductRules.IsSku(productId))
            errors["productId"] = [ProductRules.SkuRule];
    }

    /// <summary>A whole number from <paramref name="min"/> to the cart's limit per line, as pydantic's lax int: 2.0 passes, 2.5 does not.</summary>
    public static int? CheckQuantity(decimal? quantity, int min, Dictionary<string, string[]> errors)
    {
        if (quantity is not { } value)
            errors["quantity"] = ["Field required"];
        else if (decimal.Truncate(value) != value)
            errors["quantity"] = ["must be a whole number"];
        else if (value < min)
            errors["quantity"] = [$"must be greater than or equal to {min}"];
        else if (value > ShopLimits.Cart.MaxQuantityPerLine)
            errors["quantity"] = [$"cannot exceed {ShopLimits.Cart.MaxQuantityPerLine} copies of one product in a cart"];
        else
            return (int)value;
        return null;
    }
}
