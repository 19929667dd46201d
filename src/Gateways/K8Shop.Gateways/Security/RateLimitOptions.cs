namespace K8Shop.Gateways.Security;

/// <summary>
/// The gateway's abuse limits (section <c>RateLimits</c>), fixed windows counted per caller, answered 429 with
/// <c>Retry-After</c>. A caller is its token's <c>sub</c> when authenticated (<see cref="PerUser"/>), else its client
/// address (<see cref="PerAddress"/>); callers with an <see cref="UncountedRoles"/> role (machine clients such as the
/// load generator, and admins: operators' scripts and the fault drill read hundreds of orders a second) are counted by
/// address only. <see cref="Auth"/> is the stricter limit on sign-in, sign-up,
/// password reset and the token endpoint (POSTs to <see cref="AuthRateLimitOptions.PathPrefixes"/>), per address.
/// The defaults never throttle a shopper (100 requests a second each, far above what a person clicking does), the
/// contract tests, or a load generator doing thousands of requests a second from one address (20,000 a second per
/// address: a circuit breaker against one runaway client, not a quota). An operator who knows the real traffic
/// lowers them; a benchmark driving a few accounts very hard raises <see cref="PerUser"/> or sets it to 0. Loopback
/// is not exempt. Behind a proxy or ingress every client has the proxy's address unless forwarded headers are
/// trusted (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, or KnownProxies); without that, all clients share one
/// per-address budget. A permit limit of 0 turns that limit off.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>False turns every limit off (a benchmark of the bare system, a trusted test rig).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window for one authenticated caller (<c>sub</c>).</summary>
    public WindowLimit PerUser { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Requests per window for one client address (anonymous callers and uncounted roles).</summary>
    public WindowLimit PerAddress { get; set; } = new() { PermitLimit = 20_000, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Roles whose callers are counted per address instead of per user: trusted machine clients and admins.</summary>
    public string[] UncountedRoles { get; set; } = ["machine", "admin"];

    public AuthRateLimitOptions Auth { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        foreach (var (name, limit) in new[] { ("PerUser", PerUser), ("PerAddress", PerAddress), ("Auth", (WindowLimit)Auth) })
        {
            if (limit.PermitLimit < 0)
                yield return $"{SectionName}:{name}:PermitLimit must be 0 (off) or more, not {limit.PermitLimit}.";
            if (limit.Window <= TimeSpan.Zero || limit.Window > TimeSpan.FromHours(1))
                yield return $"{SectionName}:{name}:Window must be more than 0 and at most 01:00:00, not {limit.Window}.";
        }
        if (Auth.PathPrefixes.Any(p => !p.StartsWith('/')))
            yield return $"{SectionName}:Auth:PathPrefixes must each start with '/'.";
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests in each <see cref="Window"/>; 0 means no limit.</summary>
public class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The stricter limit on credential endpoints: guessing passwords, creating accounts and sending reset e-mails
/// each take a POST there. Pages (GETs) are not counted, so showing a sign-in form costs nothing. The default, 60
/// POSTs a minute per address, leaves room for an office behind one NAT signing in, while the account lockout
/// guards each account; it stops one address trying passwords across many accounts. A load generator that fetches
/// tokens for many accounts at start raises it.
/// </summary>
public sealed class AuthRateLimitOptions : WindowLimit
{
    public AuthRateLimitOptions()
    {
        PermitLimit = 60;
        Window = TimeSpan.FromMinutes(1);
    }

    /// <summary>The token endpoint and the identity provider's pages (sign-in, sign-up, password reset).</summary>
    public string[] PathPrefixes { get; set; } = ["/connect/token", "/identity/"];
}
