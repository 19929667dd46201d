namespace K8Shop.Tools.Auth;

/// <summary>
/// One token, shared by every request of its caller, renewed once it has used up most of its life (so requests in
/// flight never carry one that expires on the way). Only one renewal runs at a time; the others wait for it.
/// </summary>
public sealed class CachedAccessToken(Func<CancellationToken, Task<AccessToken>> fetch, TimeProvider? clock = null) : IAccessTokenSource
{
    /// <summary>Never closer to expiry than this, whatever the lifetime: the gateway allows only 30 s of clock skew.</summary>
    public static readonly TimeSpan MinimumMargin = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile Entry? _current;

    public ValueTask<string> GetAsync(CancellationToken cancellation = default) =>
        _current is { } entry && _clock.GetUtcNow() < entry.RenewAt ? ValueTask.FromResult(entry.Token.Value) : new(RenewAsync(cancellation));

    /// <summary>The token as last fetched (fetching one first if there is none yet).</summary>
    public async Task<AccessToken> CurrentAsync(CancellationToken cancellation = default)
    {
        await GetAsync(cancellation);
        return _current!.Token;
    }

    private async Task<string> RenewAsync(CancellationToken cancellation)
    {
        await _renewal.WaitAsync(cancellation);
        try
        {
            if (_current is { } fresh && _clock.GetUtcNow() < fresh.RenewAt)
                return fresh.Token.Value;
            var token = await fetch(cancellation);
            _current = new Entry(token, RenewAt(token, _clock.GetUtcNow()));
            return token.Value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>After four fifths of the remaining life, and at least <see cref="MinimumMargin"/> before expiry.</summary>
    public static DateTimeOffset RenewAt(AccessToken token, DateTimeOffset now)
    {
        var life = token.ExpiresAt - now;
        var margin = TimeSpan.FromTicks(Math.Max(life.Ticks / 5, MinimumMargin.Ticks));
        return token.ExpiresAt - margin;
    }

    private sealed record Entry(AccessToken Token, DateTimeOffset RenewAt);
}
