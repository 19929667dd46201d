using System.Net;
using System.Text.RegularExpressions;
using K8Shop.IdentityTests.Support;
using MimeKit;

namespace K8Shop.IdentityTests.Scenarios;

/// <summary>The account pages: sign-up, lockout, password reset by e-mail, password change.</summary>
public static partial class AccountScenarios
{
    private const string LockedOutText = "This account is locked";
    private const string WrongCredentialsText = "The e-mail or password is not correct.";

    public static async Task FiveFailedSignInsLockTheAccount(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("lockout");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await Pages.SignInAsync(browser, email, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            Assert.Contains(WrongCredentialsText, await failed.Content.ReadAsStringAsync());
        }
        var fifth = await Pages.SignInAsync(browser, email, "wrong password 5");
        Assert.Contains(LockedOutText, await fifth.Content.ReadAsStringAsync());

        var rightPassword = await Pages.SignInAsync(browser, email, "correct horse 1");
        Assert.Equal(HttpStatusCode.BadRequest, rightPassword.StatusCode);
        Assert.Contains(LockedOutText, await rightPassword.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", await Oidc.ErrorAsync(await Oidc.PasswordAsync(browser, "loadgen", IdentityTestHost.LoadGenSecret, email, "correct horse 1")));
    }

    public static async Task ForgotAndResetPasswordByEmail(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("reset");
        await Pages.CreateAccountAsync(host, email, "old password 1");
        using var browser = host.NewBrowser();
        var before = await Oidc.SignInWithCodeAsync(browser, email, "old password 1");

        var unknown = ProtocolScenarios.NewEmail("nobody");
        var forUnknown = await Pages.SubmitAsync(browser, "/identity/forgot-password", new Dictionary<string, string> { ["email"] = unknown });
        var forKnown = await Pages.SubmitAsync(browser, "/identity/forgot-password", new Dictionary<string, string> { ["email"] = email });
        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(Notice(await forUnknown.Content.ReadAsStringAsync()), Notice(await forKnown.Content.ReadAsStringAsync()));

        var mail = await SmtpInbox.WaitForAsync(email, 1, TimeSpan.FromSeconds(10));
        var reset = Assert.Single(mail);
        Assert.Equal("password-reset", reset.Template);
        Assert.Empty(await SmtpInbox.ForAsync(unknown));
        var link = await ResetLinkAsync(reset.Id);

        var done = await Pages.SubmitAsync(browser, link.PathAndQuery, new Dictionary<string, string>
        {
            ["password"] = "new password 2", ["confirmPassword"] = "new password 2",
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Your password was changed", await done.Content.ReadAsStringAsync());

        using var other = host.NewBrowser();
        Assert.Equal(HttpStatusCode.BadRequest, (await Pages.SignInAsync(other, email, "old password 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.SignInAsync(other, email, "new password 2")).StatusCode);
        // Tokens issued before the reset stop renewing: the security stamp changed.
        Assert.Equal("invalid_grant", await Oidc.ErrorAsync(await Oidc.RefreshAsync(browser, before.GetProperty("refresh_token").GetString()!)));

        var reused = await Pages.SubmitAsync(browser, link.PathAndQuery, new Dictionary<string, string>
        {
            ["password"] = "third password 3", ["confirmPassword"] = "third password 3",
        });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("invalid or has expired", await reused.Content.ReadAsStringAsync());
    }

    public static async Task SignUpRefusesADuplicateAndAWeakPassword(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("duplicate");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();

        var duplicate = await Pages.SignUpAsync(browser, email, "another password");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("An account with this e-mail already exists", await duplicate.Content.ReadAsStringAsync());

        var weak = await Pages.SignUpAsync(browser, ProtocolScenarios.NewEmail("weak"), "short");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("at least 8 characters", await weak.Content.ReadAsStringAsync());
    }

    public static async Task ChangePasswordNeedsTheCurrentOne(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("change");
        using var browser = host.NewBrowser();
        var anonymous = await browser.GetAsync("/identity/change-password");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/identity/signin", anonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.SignUpAsync(browser, email, "first password 1")).StatusCode);

        var wrong = await Pages.SubmitAsync(browser, "/identity/change-password", Change("not my password", "second password 2"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The current password is not correct.", await wrong.Content.ReadAsStringAsync());
        var changed = await Pages.SubmitAsync(browser, "/identity/change-password", Change("first password 1", "second password 2"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var other = host.NewBrowser();
        Assert.Equal(HttpStatusCode.BadRequest, (await Pages.SignInAsync(other, email, "first password 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.SignInAsync(other, email, "second password 2")).StatusCode);
    }

    public static async Task PostWithoutAntiforgeryTokenIsRefused(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("csrf");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        using var browser = host.NewBrowser();
        await browser.GetAsync("/identity/signin");

        var forged = await browser.PostAsync("/identity/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = "correct horse 1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("This form has expired", await forged.Content.ReadAsStringAsync());
    }

    public static async Task SignInNeverRedirectsOffSite(IdentityTestHost host)
    {
        var email = ProtocolScenarios.NewEmail("redirect");
        await Pages.CreateAccountAsync(host, email, "correct horse 1");
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example/" })
        {
            using var browser = host.NewBrowser();
            var response = await Pages.SignInAsync(browser, email, "correct horse 1", returnUrl);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    private static Dictionary<string, string> Change(string current, string next) =>
        new() { ["currentPassword"] = current, ["password"] = next, ["confirmPassword"] = next };

    private static string Notice(string html) => NoticePattern().Match(html).Value;

    private static async Task<Uri> ResetLinkAsync(int messageId)
    {
        using var http = new HttpClient { BaseAddress = TestServices.SmtpHttp };
        await using var raw = await http.GetStreamAsync($"/messages/{messageId}/raw");
        var message = await MimeMessage.LoadAsync(raw);
        var link = ResetLinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, "the reset e-mail has no link");
        return new Uri(link.Value);
    }

    [GeneratedRegex(@"<h1>.*?</h1>\s*<p>[^<]*</p>", RegexOptions.Singleline)]
    private static partial Regex NoticePattern();

    [GeneratedRegex(@"https?://\S+/identity/reset-password\?\S+")]
    private static partial Regex ResetLinkPattern();
}
