using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Tests.Auth;

public sealed class CachedAccessTokenTests
{
    private readonly ManualClock _clock = new();
    private int _fetches;

    [Fact]
    public async Task AFiveMinuteToken_IsReusedForFourMinutes_ThenRenewedOnce()
    {
        var source = new CachedAccessToken(FetchAsync, _clock);

        Assert.Equal("token-1", await source.GetAsync());
        _clock.Advance(TimeSpan.FromMinutes(3.9));
        Assert.Equal("token-1", await source.GetAsync());
        _clock.Advance(TimeSpan.FromMinutes(0.2));
        Assert.Equal("token-2", await source.GetAsync());
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneFetch()
    {
        var release = new TaskCompletionSource();
        var source = new CachedAccessToken(async _ =>
        {
            Interlocked.Increment(ref _fetches);
            await release.Task;
            return new AccessToken("shared", _clock.GetUtcNow().AddMinutes(5));
        }, _clock);

        var callers = Enumerable.Range(0, 10).Select(_ => source.GetAsync().AsTask()).ToArray();
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), token => Assert.Equal("shared", token));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public void AShortLivedToken_IsRenewedAtLeastThirtySecondsBeforeItExpires()
    {
        var now = _clock.GetUtcNow();
        var token = new AccessToken("t", now.AddSeconds(60));

        Assert.Equal(now.AddSeconds(30), CachedAccessToken.RenewAt(token, now));
    }

    [Fact]
    public void TheSubject_IsReadFromTheJwtPayload()
    {
        var jwt = "eyJhbGciOiJSUzI1NiJ9." + System.Buffers.Text.Base64Url.EncodeToString("""{"sub":"0123abcd","role":"machine"}"""u8) + ".sig";

        Assert.Equal("0123abcd", new AccessToken(jwt, _clock.GetUtcNow()).Subject);
        Assert.Throws<FormatException>(() => JwtPayload.ReadSubject("not-a-jwt"));
    }

    [Fact]
    public void HiddenFields_AreReadFromTheSignUpForm_Decoded()
    {
        const string html = """<form><input type="hidden" name="returnUrl" value="/"><input type="hidden" name="__RequestVerificationToken" value="CfDJ8&#x2B;x"></form>""";

        Assert.Equal([new("returnUrl", "/"), new("__RequestVerificationToken", "CfDJ8+x")], SignUpForm.HiddenFields(html));
    }

    private Task<AccessToken> FetchAsync(CancellationToken cancellation)
    {
        var n = Interlocked.Increment(ref _fetches);
        return Task.FromResult(new AccessToken($"token-{n}", _clock.GetUtcNow().AddMinutes(5)));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
