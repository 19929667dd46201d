namespace K8Shop.LoadGen.Metrics;

/// <summary>The requests whose latencies are reported apart.</summary>
public enum RequestKind
{
    Reserve,
    RepeatReserve,
    Release,
    Commit,
}

/// <summary>The business answers a phase counts (errors are counted by <see cref="Inventory.ErrorKind"/>).</summary>
public enum Outcome
{
    Granted,
    Rejected,
    Released,
    Committed,
    NotReserved,
    RepeatConfirmed,
}

public static class RequestKinds
{
    public static string Label(RequestKind kind) => kind switch
    {
        RequestKind.Reserve => "reserve",
        RequestKind.RepeatReserve => "reserve-repeat",
        RequestKind.Release => "release",
        RequestKind.Commit => "commit",
        _ => kind.ToString(),
    };
}
