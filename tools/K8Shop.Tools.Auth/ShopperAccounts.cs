using System.Security.Cryptography;

namespace K8Shop.Tools.Auth;

/// <summary>
/// Creates a run's shopper accounts ahead of the load through the sign-up page, then signs each in with the
/// password grant of the <c>loadgen</c> client. Every account of a run shares one random password that lives only in
/// this process; e-mail addresses carry the run's tag, so runs never collide.
/// </summary>
public sealed class ShopperAccounts(HttpClient http, TokenEndpointClient tokens, int parallelism = 8)
{
    private readonly string _password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Where the sign-up page is: the token endpoint's origin, which is the provider's.</summary>
    public Uri IdentityBase { get; } = new(tokens.TokenUrl.GetLeftPart(UriPartial.Authority) + "/");

    public async Task<IReadOnlyList<ShopperAccount>> CreateAsync(string runTag, int count, CancellationToken cancellation)
    {
        var accounts = new ShopperAccount[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation },
            async (index, token) => accounts[index] = await CreateOneAsync($"loadgen-{runTag}-{index}@loadgen.k8shop.test", $"Shopper {index}", token));
        return accounts;
    }

    private async Task<ShopperAccount> CreateOneAsync(string email, string name, CancellationToken cancellation)
    {
        await SignUpForm.CreateAccountAsync(http, IdentityBase, name, email, _password, cancellation);
        var source = new CachedAccessToken(token => tokens.PasswordAsync(email, _password, token));
        var first = await source.CurrentAsync(cancellation);
        return new ShopperAccount(first.Subject, email, source);
    }
}
