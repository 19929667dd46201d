using K8Shop.IdentityTests.Scenarios;
using K8Shop.IdentityTests.Support;

namespace K8Shop.IdentityTests;

/// <summary>One embedded host (SQLite in memory) shared by the class; each test uses accounts of its own.</summary>
public sealed class SqliteHostFixture : IAsyncLifetime
{
    public IdentityTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await IdentityTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class SqliteIdentityTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private IdentityTestHost Host => fixture.Host;

    [Fact]
    public Task Discovery_OnTheEmbeddedHost_NamesTheContractEndpointsAndOnlyS256() => ProtocolScenarios.DiscoveryNamesTheContractEndpoints(Host);

    [Fact]
    public Task AuthorizationCode_WithPkceAndThePageSignIn_IssuesTokensAGatewayValidates() => ProtocolScenarios.CodeWithPkceIssuesTokensAGatewayValidates(Host);

    [Fact]
    public Task Authorize_WithoutCodeChallengeOrWithPlainMethod_IsRefused() => ProtocolScenarios.AuthorizeWithoutPkceOrWithPlainIsRefused(Host);

    [Fact]
    public Task RefreshToken_UsedAfterRotation_IsRefusedAndRevokesTheNewOne() => ProtocolScenarios.RefreshRotatesAndReuseRevokesTheChain(Host);

    [Fact]
    public Task ClientCredentials_ForOperator_CarriesAdminRole_AndWrongOrUnknownClientsAreRefused() =>
        ProtocolScenarios.OperatorGetsAdminTokenAndBadClientsAreRefused(Host);

    [Fact]
    public Task ClientCredentials_ForLoadGenWithoutScope_CarriesMachineRoleForTheApi() => ProtocolScenarios.LoadGenGetsMachineTokenWithoutAScope(Host);

    [Fact]
    public Task PasswordGrant_ForLoadGen_IssuesAccountToken_AndIsRefusedToOtherClients() => ProtocolScenarios.PasswordGrantOnlyForLoadGen(Host);

    [Fact]
    public Task SeededAdmin_SigningIn_GetsAdminRoleInAccessAndIdTokens() => ProtocolScenarios.SeededAdminGetsAdminRole(Host);

    [Fact]
    public Task EndSession_Confirmed_RedirectsToTheClientAndEndsTheSession() => ProtocolScenarios.EndSessionConfirmsThenRedirectsAndForgetsTheSession(Host);

    [Fact]
    public Task SignIn_FiveFailures_LockTheAccountEvenForTheRightPassword() => AccountScenarios.FiveFailedSignInsLockTheAccount(Host);

    [SmtpFact]
    public Task ForgotPassword_ThenTheEmailedLink_SetsANewPasswordAndEndsOldRefreshTokens() => AccountScenarios.ForgotAndResetPasswordByEmail(Host);

    [Fact]
    public Task SignUp_DuplicateEmailOrShortPassword_IsRefusedWithAClearMessage() => AccountScenarios.SignUpRefusesADuplicateAndAWeakPassword(Host);

    [Fact]
    public Task ChangePassword_SignedIn_NeedsTheCurrentPassword() => AccountScenarios.ChangePasswordNeedsTheCurrentOne(Host);

    [Fact]
    public Task SignIn_WithAnOffSiteReturnUrl_RedirectsHomeInstead() => AccountScenarios.SignInNeverRedirectsOffSite(Host);

    [Fact]
    public Task SignInPost_WithoutAntiforgeryToken_IsRefused() => AccountScenarios.PostWithoutAntiforgeryTokenIsRefused(Host);
}
