using K8Shop.Identity.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace K8Shop.IdentityTests.Support;

/// <summary>The identity library in a minimal web host on a test server, configured as the embedded host configures it.</summary>
public sealed class IdentityTestHost : IAsyncDisposable
{
    public const string OperatorSecret = "operator-test-secret";
    public const string LoadGenSecret = "loadgen-test-secret";
    public const string AdminPassword = "admin-test-password";

    private readonly WebApplication _app;

    private IdentityTestHost(WebApplication app, string adminEmail)
    {
        _app = app;
        AdminEmail = adminEmail;
    }

    public string AdminEmail { get; }

    public Uri BaseAddress => _app.GetTestServer().BaseAddress;

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings of the embedded profile; <paramref name="overrides"/> replace or remove (null) any of them.</summary>
    public static Dictionary<string, string?> EmbeddedSettings(string adminEmail) => new()
    {
        ["Identity:RequireHttps"] = "false",
        ["Identity:DevelopmentKeys"] = "true",
        ["Identity:OperatorClient:Secret"] = OperatorSecret,
        ["Identity:LoadGenClient:Secret"] = LoadGenSecret,
        ["Identity:Admin:Email"] = adminEmail,
        ["Identity:Admin:Password"] = AdminPassword,
        ["Smtp:Host"] = TestServices.SmtpHost,
        ["Smtp:Port"] = TestServices.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseTls"] = "false",
    };

    public static async Task<IdentityTestHost> StartAsync(IDictionary<string, string?>? overrides = null, LogCapture? logs = null)
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@k8shop.test";
        var settings = EmbeddedSettings(adminEmail);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        var app = Build(settings, logs);
        await app.StartAsync();
        return new IdentityTestHost(app, adminEmail);
    }

    /// <summary>The host as built from these settings, not started: configuration errors surface here or at start.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, LogCapture? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        }
        builder.AddK8ShopIdentity();
        var app = builder.Build();
        app.UseK8ShopIdentity();
        app.MapK8ShopIdentity();
        return app;
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, like a browser tab whose steps the test takes.</summary>
    public HttpClient NewBrowser() => new(new CookieJarHandler(_app.GetTestServer().CreateHandler())) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
