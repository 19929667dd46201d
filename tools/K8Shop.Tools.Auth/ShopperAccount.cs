namespace K8Shop.Tools.Auth;

/// <summary>A shopper account a tool created for its run, and its tokens (password grant, renewed as they age).</summary>
public sealed class ShopperAccount(string userId, string email, IAccessTokenSource tokens)
{
    /// <summary>The provider's user id for the account: the token's <c>sub</c>, and the <c>userId</c> in the shop's routes.</summary>
    public string UserId { get; } = userId;

    public string Email { get; } = email;

    public IAccessTokenSource Tokens { get; } = tokens;
}
