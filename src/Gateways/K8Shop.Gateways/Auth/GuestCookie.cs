using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Auth;

/// <summary>
/// A guest's id, issued by the server in an HttpOnly cookie that only the gateway can read or forge (ASP.NET Core
/// Data Protection), so a guest cart belongs to the browser that started it and no client picks another's id.
/// </summary>
public sealed class GuestCookie(IDataProtectionProvider protection)
{
    public const string Name = "k8shop.guest";
    public const string Prefix = "guest-";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("K8Shop.Gateways.GuestCookie.v1");

    /// <summary>The guest id of this browser, or null when it has none (or a cookie the gateway did not issue).</summary>
    public string? Read(HttpContext context)
    {
        // Authorization and the caller both ask; decrypt once per request.
        if (context.Items.TryGetValue(ItemKey, out var known))
            return known as string;
        var id = Unprotect(context);
        context.Items[ItemKey] = id;
        return id;
    }

    private static readonly object ItemKey = new();

    private string? Unprotect(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
            return null;
        try
        {
            var id = _protector.Unprotect(value);
            return IsGuestId(id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>This browser's guest id: the one its cookie carries, or a new one set in the response.</summary>
    public string Issue(HttpContext context)
    {
        if (Read(context) is { } existing)
            return existing;
        var id = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(Name, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return id;
    }

    public static bool IsGuestId(string? id) =>
        id is { Length: 38 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits);

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");
}
