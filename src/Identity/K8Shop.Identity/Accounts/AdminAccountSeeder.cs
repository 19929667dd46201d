using K8Shop.Identity.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace K8Shop.Identity.Accounts;

/// <summary>Creates the <c>admin</c> role, and the first administrator from <c>Identity:Admin</c>: created, or its password reset, and unlocked.</summary>
internal sealed class AdminAccountSeeder(UserManager<ShopUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityProviderOptions> options)
{
    public async Task<string?> SeedAsync()
    {
        if (!await roles.RoleExistsAsync(ShopRoles.Admin))
            Ensure(await roles.CreateAsync(new IdentityRole(ShopRoles.Admin)), "the admin role");
        var admin = options.Value.Admin;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
            return null;

        var user = await users.FindByEmailAsync(admin.Email);
        if (user is null)
        {
            user = new ShopUser { UserName = admin.Email, Email = admin.Email, EmailConfirmed = true, DisplayName = "Administrator" };
            Ensure(await users.CreateAsync(user, admin.Password), "Identity:Admin");
        }
        else if (!await users.CheckPasswordAsync(user, admin.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Ensure(await users.ResetPasswordAsync(user, token, admin.Password), "Identity:Admin:Password");
        }
        if (!await users.IsInRoleAsync(user, ShopRoles.Admin))
            Ensure(await users.AddToRoleAsync(user, ShopRoles.Admin), "the admin role");
        Ensure(await users.SetLockoutEndDateAsync(user, null), "Identity:Admin");
        return user.Id;
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
