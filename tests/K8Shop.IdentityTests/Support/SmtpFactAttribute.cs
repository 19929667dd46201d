namespace K8Shop.IdentityTests.Support;

/// <summary>A fact that reads mail from the test SMTP server: skipped with the reason when it is missing outside CI.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        try
        {
            using var smtp = new System.Net.Sockets.TcpClient(TestServices.SmtpHost, TestServices.SmtpPort);
            using var http = new System.Net.Sockets.TcpClient(TestServices.SmtpHttp.Host, TestServices.SmtpHttp.Port);
            return null;
        }
        catch (Exception ex)
        {
            return $"the test SMTP server is not reachable ({ex.Message}); start it with 'scripts/dev-services.sh up smtp'";
        }
    });

    public SmtpFactAttribute() => Skip = TestServices.IsCi ? null : Problem.Value;
}

/// <summary>A fact that needs PostgreSQL and the test SMTP server.</summary>
public sealed class PostgresSmtpFactAttribute : FactAttribute
{
    public PostgresSmtpFactAttribute() => Skip = TestServices.PostgresSkipReason ?? new SmtpFactAttribute().Skip;
}
