using System.Net;
using System.Net.Http.Headers;

namespace K8Shop.LoadGen.Inventory;

/// <summary>The kinds of failed request the report counts separately.</summary>
public enum ErrorKind
{
    Http429,
    Http503,
    HttpOther,
    Timeout,
    Connection,
    InvalidReply,
}

/// <summary>Why a request gave no usable reply.</summary>
public sealed record CallFailure(ErrorKind Kind, int? StatusCode = null, TimeSpan? RetryAfter = null, string? Detail = null)
{
    public static CallFailure Timeout { get; } = new(ErrorKind.Timeout);

    /// <summary>
    /// Whether the server may have done the work anyway. 429 is shed before any work and other 4xx refuse the input;
    /// a 5xx, a timeout, a broken connection or a reply that makes no sense leave the outcome in doubt.
    /// </summary>
    public bool MayHaveApplied => Kind switch
    {
        ErrorKind.Http429 => false,
        ErrorKind.HttpOther => StatusCode is null or >= 500,
        _ => true,
    };

    public static CallFailure FromStatus(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    {
        var code = (int)status;
        var kind = code switch { 429 => ErrorKind.Http429, 503 => ErrorKind.Http503, _ => ErrorKind.HttpOther };
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return new CallFailure(kind, code, wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait);
    }

    public static CallFailure Invalid(string detail) => new(ErrorKind.InvalidReply, Detail: detail);

    public static CallFailure Connection(string detail) => new(ErrorKind.Connection, Detail: detail);

    public override string ToString() => Kind switch
    {
        ErrorKind.Timeout => "timeout",
        ErrorKind.Connection => $"connection error ({Detail})",
        ErrorKind.InvalidReply => $"invalid reply ({Detail})",
        _ => $"http {StatusCode}",
    };
}

/// <summary>A reply, or the failure that took its place.</summary>
public readonly record struct CallResult<T>(T? Reply, CallFailure? Failure)
    where T : class
{
    public static CallResult<T> Failed(CallFailure failure) => new(null, failure);
}
