using Microsoft.AspNetCore.Identity;

namespace K8Shop.Identity.Pages;

/// <summary>Identity's errors in the pages' words; the default texts would echo the e-mail address back.</summary>
internal static class AccountErrors
{
    public static IEnumerable<string> Describe(IdentityResult result) => result.Errors
        .Select(error => error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                "An account with this e-mail already exists. Sign in, or reset its password.",
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "Enter a valid e-mail address.",
            nameof(IdentityErrorDescriber.PasswordMismatch) => "The current password is not correct.",
            nameof(IdentityErrorDescriber.InvalidToken) => "This reset link is invalid or has expired. Ask for a new one.",
            _ => error.Description,
        })
        .Distinct();
}
