using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using K8Shop.Contracts.Catalog;

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
    public const string UserIdRule = "must be 1-128 letters, digits, '.', '_', '-', '@' or ':', starting with a letter or digit";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();

    public static bool IsUserId(string value) => UserIdPattern().IsMatch(value);

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
            errors["productId"] = ["must be a catalog SKU (letters, digits, '-', '_' or '.', at most 64 characters)"];
    }

    /// <summary>A whole number at least <paramref name="min"/>, as pydantic's lax int: 2.0 passes, 2.5 does not.</summary>
    public static int? CheckQuantity(decimal? quantity, int min, Dictionary<string, string[]> errors)
    {
        if (quantity is not { } value)
            errors["quantity"] = ["Field required"];
        else if (decimal.Truncate(value) != value)
            errors["quantity"] = ["must be a whole number"];
        else if (value < min)
            errors["quantity"] = [$"must be greater than or equal to {min}"];
        else if (value > int.MaxValue)
            errors["quantity"] = ["is too large"];
        else
            return (int)value;
        return null;
    }
}
