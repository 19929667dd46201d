namespace K8Shop.IdentityTests.Support;

/// <summary>A fact that needs PostgreSQL and the test SMTP server.</summary>
public sealed class PostgresSmtpFactAttribute : FactAttribute
{
    public PostgresSmtpFactAttribute() => Skip = TestServices.PostgresSkipReason ?? TestServices.SmtpSkipReason;
}
