namespace K8Shop.LoadGen.Metrics;

/// <summary>The requests whose latencies are reported apart, and <see cref="Checkout"/>, which spans a whole checkout.</summary>
public enum RequestKind
{
    Reserve,
    RepeatReserve,
    Release,
    Commit,
    CartAdd,
    Order,
    RepeatOrder,

    /// <summary>Not a request: a checkout from its due time to its order's answer, recorded by <see cref="PhaseStats.CheckoutAnswered"/>.</summary>
    Checkout,
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
    OrderConfirmed,
    OrderRejected,
    OrderPaymentFailed,

    /// <summary>An order answered in a state between its start and its end (a saga step cut short).</summary>
    OrderUnsettled,

    /// <summary>No answer to the order after every retry, or a 4xx other than 429.</summary>
    OrderUnanswered,

    /// <summary>One more POST /orders with the same key after a retryable failure.</summary>
    OrderRetried,
}

/// <summary>Outcomes as the JSON reports name them: order_confirmed, order_payment_failed, not_reserved...</summary>
public static class Outcomes
{
    public static string Label(Outcome outcome) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());

    public static IReadOnlyDictionary<string, long> Labelled(IEnumerable<KeyValuePair<Outcome, long>> counts) =>
        counts.Where(count => count.Value > 0).ToDictionary(count => Label(count.Key), count => count.Value);
}

public static class RequestKinds
{
    public static string Label(RequestKind kind) => kind switch
    {
        RequestKind.Reserve => "reserve",
        RequestKind.RepeatReserve => "reserve-repeat",
        RequestKind.Release => "release",
        RequestKind.Commit => "commit",
        RequestKind.CartAdd => "cart-add",
        RequestKind.Order => "order",
        RequestKind.RepeatOrder => "order-repeat",
        RequestKind.Checkout => "checkout",
        _ => kind.ToString(),
    };
}
