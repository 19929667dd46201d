using System.Net;
using K8Shop.IdentityTests.Scenarios;
using K8Shop.IdentityTests.Support;
using Microsoft.Extensions.Options;
using Npgsql;

namespace K8Shop.IdentityTests;

/// <summary>What the provider checks before it serves anything, and starting several hosts on one store.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Identity:SigningKey")]
    [InlineData("Identity:EncryptionKey")]
    public void Start_WithoutAKeyOrDevelopmentKeys_FailsNamingTheKey(string key)
    {
        var settings = IdentityTestHost.EmbeddedSettings("admin@k8shop.test");
        settings["Identity:DevelopmentKeys"] = "false";
        settings["Identity:SigningKey"] = key == "Identity:SigningKey" ? null : TestKeys.RsaPem();
        settings["Identity:EncryptionKey"] = key == "Identity:EncryptionKey" ? null : TestKeys.RsaPem();

        var failure = Assert.Throws<OptionsValidationException>(() => IdentityTestHost.Build(settings));

        Assert.Contains($"{key} is not set", failure.Message);
    }

    [Fact]
    public void Start_WithAKeyThatIsNotPem_FailsNamingTheKey()
    {
        var settings = IdentityTestHost.EmbeddedSettings("admin@k8shop.test");
        settings["Identity:SigningKey"] = "not a key";

        var failure = Assert.Throws<OptionsValidationException>(() => IdentityTestHost.Build(settings));

        Assert.Contains("Identity:SigningKey is not a PEM RSA private key", failure.Message);
    }

    [Fact]
    public void Start_OnPostgresWithoutConnectionString_FailsNamingIt()
    {
        var settings = IdentityTestHost.EmbeddedSettings("admin@k8shop.test");
        settings["Identity:Store"] = "postgres";

        var failure = Assert.Throws<OptionsValidationException>(() => IdentityTestHost.Build(settings));

        Assert.Contains("ConnectionStrings:Identity is not set", failure.Message);
    }

    [Fact]
    public async Task ConfiguredKeys_SignTokensUnderAStableKeyId_SoEveryPodPublishesTheSameJwks()
    {
        var signing = TestKeys.RsaPem();
        var overrides = new Dictionary<string, string?>
        {
            ["Identity:DevelopmentKeys"] = "false", ["Identity:SigningKey"] = signing, ["Identity:EncryptionKey"] = TestKeys.RsaPem(),
        };
        await using var first = await IdentityTestHost.StartAsync(overrides);
        await using var second = await IdentityTestHost.StartAsync(overrides);
        using var firstClient = first.NewBrowser();
        using var secondClient = second.NewBrowser();

        var token = await Oidc.SuccessAsync(await Oidc.ClientCredentialsAsync(firstClient, "operator", IdentityTestHost.OperatorSecret));

        Assert.Equal(await firstClient.GetStringAsync("/.well-known/jwks"), await secondClient.GetStringAsync("/.well-known/jwks"));
        var jwt = await Oidc.ValidateAccessTokenAsync(secondClient, token.GetProperty("access_token").GetString()!);
        Assert.Equal("operator", jwt.Subject);
    }

    [Fact]
    public async Task ConfiguredIssuer_IsTheTokensIssuerWhateverTheRequestOrigin()
    {
        await using var host = await IdentityTestHost.StartAsync(new Dictionary<string, string?> { ["Identity:Issuer"] = "https://shop.example/" });
        using var client = host.NewBrowser();

        var token = await Oidc.SuccessAsync(await Oidc.ClientCredentialsAsync(client, "operator", IdentityTestHost.OperatorSecret));

        var jwt = await Oidc.ValidateAccessTokenAsync(client, token.GetProperty("access_token").GetString()!);
        Assert.Equal("https://shop.example/", jwt.Issuer);
    }

    [Fact]
    public async Task OperatorClient_WithoutASecret_DoesNotExist()
    {
        await using var host = await IdentityTestHost.StartAsync(new Dictionary<string, string?> { ["Identity:OperatorClient:Secret"] = null });
        using var client = host.NewBrowser();

        var response = await Oidc.ClientCredentialsAsync(client, "operator", IdentityTestHost.OperatorSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await Oidc.ErrorAsync(response));
    }

    [Fact]
    public async Task Pages_UseNoInlineScriptAndServeTheirStylesheet()
    {
        await using var host = await IdentityTestHost.StartAsync();
        using var browser = host.NewBrowser();

        foreach (var page in new[] { "/identity/signin", "/identity/signup", "/identity/signout", "/identity/forgot-password", "/identity/reset-password" })
        {
            var html = await browser.GetStringAsync(page);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("""<link rel="stylesheet" href="/identity/identity.css">""", html);
        }
        var css = await browser.GetAsync("/identity/identity.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("--accent: #8a3b12", await css.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task TwoHosts_StartingAtOnceOnOneEmptyDatabase_BothServeAndCreateTheTablesOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync("identity_race");
        var settings = PostgresHostFixture.PostgresSettings(database.ConnectionString);
        settings["Identity:Admin:Email"] = "race-admin@k8shop.test";
        settings["Identity:Admin:Password"] = IdentityTestHost.AdminPassword;

        var hosts = await Task.WhenAll(IdentityTestHost.StartAsync(settings), IdentityTestHost.StartAsync(settings));
        try
        {
            foreach (var host in hosts)
            {
                using var client = host.NewBrowser();
                await Oidc.SuccessAsync(await Oidc.ClientCredentialsAsync(client, "operator", IdentityTestHost.OperatorSecret));
            }
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("""SELECT count(*) FROM identity."AspNetUsers" WHERE "NormalizedEmail" = 'RACE-ADMIN@K8SHOP.TEST'""", connection);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
            await using var clients = new NpgsqlCommand("""SELECT count(*) FROM identity."OpenIddictApplications" WHERE "ClientId" = 'operator'""", connection);
            Assert.Equal(1L, await clients.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }
}
