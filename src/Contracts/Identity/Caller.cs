using Orleans.Runtime;

namespace K8Shop.Contracts.Identity;

/// <summary>What a caller is allowed to be: a shopper (an account or a guest), an admin, or a machine client.</summary>
public enum CallerKind
{
    Shopper = 0,
    Admin = 1,
    Machine = 2,
}

/// <summary>
/// Who a gateway is calling grains for, carried in Orleans' request context so it follows the call from grain to
/// grain. Grains that hold a shopper's data check it against their owner; a call without a caller comes from inside
/// the cluster (a reminder, an event, a saga step, a gateway in <c>Auth:Mode=open</c>) and is trusted, as only silos
/// and gateways can reach grains.
/// </summary>
public sealed record Caller(string Subject, CallerKind Kind, string? GuestId = null)
{
    private const string SubjectKey = "k8shop.caller.sub";
    private const string KindKey = "k8shop.caller.kind";
    private const string GuestKey = "k8shop.caller.guest";

    /// <summary>The caller of the call being served; null inside the cluster.</summary>
    public static Caller? Current =>
        RequestContext.Get(SubjectKey) is string subject
            ? new Caller(subject, RequestContext.Get(KindKey) is int kind ? (CallerKind)kind : CallerKind.Shopper, RequestContext.Get(GuestKey) as string)
            : null;

    /// <summary>True when the caller may read and change data owned by <paramref name="ownerUserId"/>.</summary>
    public static bool MayActFor(string ownerUserId) => Current is not { } caller || caller.Owns(ownerUserId);

    public bool Owns(string ownerUserId) =>
        Kind == CallerKind.Admin
        || string.Equals(Subject, ownerUserId, StringComparison.Ordinal)
        || (GuestId is not null && string.Equals(GuestId, ownerUserId, StringComparison.Ordinal));

    /// <summary>Makes this the caller of every grain call made from here on in this async flow.</summary>
    public void Enter()
    {
        RequestContext.Set(SubjectKey, Subject);
        RequestContext.Set(KindKey, (int)Kind);
        if (GuestId is not null)
            RequestContext.Set(GuestKey, GuestId);
    }

    public static void Leave()
    {
        RequestContext.Remove(SubjectKey);
        RequestContext.Remove(KindKey);
        RequestContext.Remove(GuestKey);
    }
}

/// <summary>The caller may not touch this shopper's data; the gateway answers 403 (a path it named) or 404 (a resource by id).</summary>
[GenerateSerializer, Alias("k8shop.identity.NotOwnerException")]
public sealed class NotOwnerException : Exception
{
    public NotOwnerException() : this("this resource belongs to another shopper") { }

    public NotOwnerException(string message) : base(message) { }

    public NotOwnerException(string message, Exception inner) : base(message, inner) { }
}
