using System.Collections.Concurrent;
using K8Shop.Tools.Auth;

namespace K8Shop.LoadGen.Auth;

/// <summary>
/// The run's shopper accounts, each lent to one checkout at a time so no two checkouts share a cart. An account whose
/// checkout ended in doubt is retired: reconciliation sends its order again from the cart it left untouched.
/// </summary>
public sealed class ShopperPool
{
    private readonly ConcurrentQueue<ShopperAccount> _free;
    private readonly SemaphoreSlim _available;
    private int _retired;

    public ShopperPool(IReadOnlyList<ShopperAccount> accounts)
    {
        Accounts = accounts;
        _free = new ConcurrentQueue<ShopperAccount>(accounts);
        _available = new SemaphoreSlim(accounts.Count);
    }

    public IReadOnlyList<ShopperAccount> Accounts { get; }

    public int Retired => Volatile.Read(ref _retired);

    /// <summary>A free account, waiting at most <paramref name="wait"/> for one; null when none came back in time.</summary>
    public async Task<ShopperAccount?> LeaseAsync(TimeSpan wait)
    {
        if (!await _available.WaitAsync(wait))
            return null;
        return _free.TryDequeue(out var account) ? account : throw new InvalidOperationException("the pool's count and queue disagree");
    }

    public void Return(ShopperAccount account)
    {
        _free.Enqueue(account);
        _available.Release();
    }

    public void Retire(ShopperAccount account) => Interlocked.Increment(ref _retired);
}
