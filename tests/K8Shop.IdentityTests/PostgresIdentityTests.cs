using K8Shop.IdentityTests.Scenarios;
using K8Shop.IdentityTests.Support;

namespace K8Shop.IdentityTests;

/// <summary>The cluster profile's store: a throwaway PostgreSQL database, tables in schema identity, created at start.</summary>
public sealed class PostgresHostFixture : IAsyncLifetime
{
    private PostgresDatabase? _database;

    public IdentityTestHost Host { get; private set; } = null!;

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        if (TestServices.PostgresSkipReason is not null)
            return;
        _database = await PostgresDatabase.CreateAsync("identity");
        Host = await IdentityTestHost.StartAsync(PostgresSettings(_database.ConnectionString));
    }

    public static Dictionary<string, string?> PostgresSettings(string connectionString) => new()
    {
        ["Identity:Store"] = "postgres",
        ["ConnectionStrings:Identity"] = connectionString,
    };

    public async Task DisposeAsync()
    {
        if (_database is null)
            return;
        await Host.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed class PostgresIdentityTests(PostgresHostFixture fixture) : IClassFixture<PostgresHostFixture>
{
    private IdentityTestHost Host => fixture.Host;

    [PostgresFact]
    public Task AuthorizationCode_WithPkceOnPostgres_IssuesTokensAGatewayValidates() => ProtocolScenarios.CodeWithPkceIssuesTokensAGatewayValidates(Host);

    [PostgresFact]
    public Task RefreshToken_UsedAfterRotationOnPostgres_IsRefusedAndRevokesTheNewOne() => ProtocolScenarios.RefreshRotatesAndReuseRevokesTheChain(Host);

    [PostgresFact]
    public Task ClientCredentials_OnPostgres_OperatorIsAdminAndBadClientsAreRefused() => ProtocolScenarios.OperatorGetsAdminTokenAndBadClientsAreRefused(Host);

    [PostgresFact]
    public Task PasswordGrant_OnPostgres_OnlyForLoadGen() => ProtocolScenarios.PasswordGrantOnlyForLoadGen(Host);

    [PostgresFact]
    public Task SeededAdmin_OnPostgres_GetsAdminRole() => ProtocolScenarios.SeededAdminGetsAdminRole(Host);

    [PostgresFact]
    public Task EndSession_OnPostgres_RedirectsToTheClient() => ProtocolScenarios.EndSessionConfirmsThenRedirectsAndForgetsTheSession(Host);

    [PostgresFact]
    public Task SignIn_FiveFailuresOnPostgres_LockTheAccount() => AccountScenarios.FiveFailedSignInsLockTheAccount(Host);

    [PostgresSmtpFact]
    public Task ForgotPassword_OnPostgres_ResetsByTheEmailedLink() => AccountScenarios.ForgotAndResetPasswordByEmail(Host);

    [PostgresFact]
    public Task ChangePassword_OnPostgres_NeedsTheCurrentPassword() => AccountScenarios.ChangePasswordNeedsTheCurrentOne(Host);
}
