using System.Net;
using System.Security.Claims;
using K8Shop.Gateways.Security;
using Microsoft.AspNetCore.Http;

namespace K8Shop.ContractTests.Security;

/// <summary>Who a request is counted against: the token's subject, else the client address; machines and probes by their own rules.</summary>
public sealed class RateLimitPartitionTests
{
    private static readonly RateLimitOptions Limits = new();

    [Fact]
    public void General_AuthenticatedShopper_IsCountedPerSubject()
    {
        var first = RateLimitPartitions.General(Request("/cart/a/items", User("alice")), Limits);
        var second = RateLimitPartitions.General(Request("/cart/b/items", User("alice"), "10.0.0.9"), Limits);

        Assert.Equal("user:alice", first.PartitionKey);
        Assert.Equal(first.PartitionKey, second.PartitionKey);
    }

    [Fact]
    public void General_Anonymous_IsCountedPerClientAddress()
    {
        var partition = RateLimitPartitions.General(Request("/catalog"), Limits);

        Assert.Equal("address:10.0.0.1", partition.PartitionKey);
    }

    [Fact]
    public void General_MachineClient_IsCountedPerAddressNotPerSubject()
    {
        var partition = RateLimitPartitions.General(Request("/inventory/apply", User("loadgen", "machine")), Limits);

        Assert.Equal("address:10.0.0.1", partition.PartitionKey);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public void General_HealthProbe_IsNeverLimited(string path)
    {
        var partition = RateLimitPartitions.General(Request(path), Limits);

        Assert.Equal("unlimited", partition.PartitionKey);
    }

    [Theory]
    [InlineData("POST", "/connect/token", "auth:10.0.0.1")]
    [InlineData("POST", "/identity/signup", "auth:10.0.0.1")]
    [InlineData("POST", "/identity/forgot-password", "auth:10.0.0.1")]
    [InlineData("GET", "/identity/signin", "unlimited")]
    [InlineData("POST", "/cart/a/items", "unlimited")]
    public void AuthPaths_CountsCredentialPostsPerAddressOnly(string method, string path, string key)
    {
        var context = Request(path);
        context.Request.Method = method;

        Assert.Equal(key, RateLimitPartitions.AuthPaths(context, Limits).PartitionKey);
    }

    [Fact]
    public void AnyLimit_WhenDisabled_IsUnlimited()
    {
        var off = new RateLimitOptions { Enabled = false };

        Assert.Equal("unlimited", RateLimitPartitions.General(Request("/catalog"), off).PartitionKey);
        Assert.Equal("unlimited", RateLimitPartitions.General(Request("/catalog", User("alice")), off).PartitionKey);
    }

    [Fact]
    public void PerAddress_WithPermitLimitZero_IsOff()
    {
        var limits = new RateLimitOptions { PerAddress = new WindowLimit { PermitLimit = 0 } };

        Assert.Equal("unlimited", RateLimitPartitions.General(Request("/catalog"), limits).PartitionKey);
    }

    [Fact]
    public void Options_WithANegativeLimitOrNoWindow_NameTheKey()
    {
        var bad = new RateLimitOptions { PerUser = new WindowLimit { PermitLimit = -1, Window = TimeSpan.Zero } };

        var failures = bad.Validate().ToList();

        Assert.Contains(failures, f => f.StartsWith("RateLimits:PerUser:PermitLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RateLimits:PerUser:Window", StringComparison.Ordinal));
        Assert.Empty(new RateLimitOptions().Validate());
    }

    private static DefaultHttpContext Request(string path, ClaimsPrincipal? user = null, string address = "10.0.0.1")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (user is not null)
            context.User = user;
        return context;
    }

    private static ClaimsPrincipal User(string subject, params string[] roles) =>
        new(new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(r => new Claim("role", r))], "Bearer", "name", "role"));
}
