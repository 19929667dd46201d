using System.Net;
using K8Shop.ContractTests.Hosts;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Security;

/// <summary>The co-hosted provider's password-reset e-mail goes out through the shop's notification path to the SMTP server.</summary>
[Collection(CatalogHostsCollection.Name)]
public sealed class CoHostedAccountEmailTests(CatalogHosts hosts)
{
    [ClusterFact]
    public async Task Forgot_password_sends_the_reset_link_through_the_notification_path()
    {
        var host = await hosts.GetAsync(CatalogHosts.Cluster);
        var email = $"reset-{Guid.NewGuid():N}@k8shop.test";
        var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await AccountPages.SignUpAsync(browser, email, "a long passphrase 1")).StatusCode);

        var asked = await AccountPages.SubmitAsync(browser, "/identity/forgot-password", new Dictionary<string, string> { ["email"] = email });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var mail = Assert.Single(await SmtpInbox.WaitForAsync(email, 1, TimeSpan.FromSeconds(15)));
        Assert.Equal("password-reset", mail.Template);
        Assert.StartsWith("<password-reset-", mail.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@k8shop>", mail.MessageId, StringComparison.Ordinal);
    }
}
