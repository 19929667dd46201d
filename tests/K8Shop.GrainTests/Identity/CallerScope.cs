using K8Shop.Contracts.Identity;

namespace K8Shop.GrainTests.Identity;

/// <summary>Runs grain calls as a gateway would for a signed-in caller: the caller in the request context, then gone.</summary>
internal static class CallerScope
{
    public static Task<T> As<T>(string userId, Func<Task<T>> call) => As(new Caller(userId, CallerKind.Shopper), call);

    public static async Task<T> As<T>(Caller caller, Func<Task<T>> call)
    {
        caller.Enter();
        try
        {
            return await call();
        }
        finally
        {
            Caller.Leave();
        }
    }
}
