namespace K8Shop.Gateways.Admin;

/// <summary>The admin credential, bound from section <c>Admin</c>; admin routes are off while <see cref="ApiKey"/> is empty.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The key admins send as <c>Authorization: Bearer KEY</c> or <c>X-Admin-Key: KEY</c>. Never logged.</summary>
    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
