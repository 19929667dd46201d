using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Accounts;

/// <summary>A shop account. The id is a GUID in "N" form (32 lowercase hex digits): the <c>sub</c> of its tokens and the shop's user id.</summary>
public sealed class ShopUser : IdentityUser
{
    public ShopUser()
    {
        Id = Guid.NewGuid().ToString("N");
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>The name shown in the shop (the <c>name</c> claim); the e-mail address when empty.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }
}
