using K8Shop.IdentityTests.Scenarios;
using K8Shop.IdentityTests.Support;

namespace K8Shop.IdentityTests;

public sealed class LoggingTests
{
    [SmtpFact]
    public async Task Logs_OfSignUpSignInGrantsAndReset_HoldNoEmailPasswordOrToken()
    {
        var logs = new LogCapture();
        await using var host = await IdentityTestHost.StartAsync(logs: logs);
        var email = ProtocolScenarios.NewEmail("logs");
        const string password = "secret words 9";
        await Pages.CreateAccountAsync(host, email, password);
        using var browser = host.NewBrowser();

        var code = await Oidc.SignInWithCodeAsync(browser, email, password);
        var refreshed = await Oidc.SuccessAsync(await Oidc.RefreshAsync(browser, code.GetProperty("refresh_token").GetString()!));
        var grant = await Oidc.SuccessAsync(await Oidc.PasswordAsync(browser, "loadgen", IdentityTestHost.LoadGenSecret, email, password));
        await Oidc.PasswordAsync(browser, "loadgen", IdentityTestHost.LoadGenSecret, email, "wrong " + password);
        await Pages.SubmitAsync(browser, "/identity/forgot-password", new Dictionary<string, string> { ["email"] = email });
        await SmtpInbox.WaitForAsync(email, 1, TimeSpan.FromSeconds(10));

        Assert.NotEmpty(logs.Lines);
        string[] secrets =
        [
            email, password, IdentityTestHost.LoadGenSecret, IdentityTestHost.AdminPassword, host.AdminEmail,
            code.GetProperty("access_token").GetString()!, code.GetProperty("refresh_token").GetString()!,
            refreshed.GetProperty("refresh_token").GetString()!, grant.GetProperty("access_token").GetString()!,
        ];
        var leaks = logs.Lines.Where(line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
