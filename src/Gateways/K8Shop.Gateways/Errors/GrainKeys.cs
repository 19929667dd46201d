using K8Shop.Contracts.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace K8Shop.Gateways.Errors;

/// <summary>Ids taken from a route and used as grain keys as they are (order and payment ids).</summary>
public static class GrainKeys
{
    /// <summary>
    /// A 422 naming <paramref name="field"/> unless <paramref name="id"/> is 1-128 printable characters, not all
    /// blank: Orleans refuses a blank key, and a longer one would only be looked up in storage to be found missing.
    /// </summary>
    public static ProblemHttpResult? Check(string id, string field) =>
        id.Length > ShopLimits.Ids.MaxLength || string.IsNullOrWhiteSpace(id) || id.Any(char.IsControl)
            ? Problems.Unprocessable(new Dictionary<string, string[]> { [field] = [$"must be 1 to {ShopLimits.Ids.MaxLength} printable characters, not all blank"] })
            : null;
}
