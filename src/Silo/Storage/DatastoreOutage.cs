using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Npgsql;
using Orleans.Persistence.Redis;
using StackExchange.Redis;

namespace K8Shop.Silo.Storage;

/// <summary>
/// The one place that tells "the datastore is away" from everything else. Only the drivers' own connection and timeout
/// errors (and DynamoDB's throttling and 5xx, which are the service saying "not now") qualify: callers get 503, retry
/// later. Anything else, a serialization error, a null, an invalid operation, SQL the code got wrong, is a bug: it stays
/// itself and answers 500 with its trace. A version conflict is neither; the storages pass it through untouched.
/// </summary>
public static class DatastoreOutage
{
    /// <summary>True when <paramref name="exception"/>, or one it wraps, is a datastore driver's connection or timeout error.</summary>
    public static bool IsOutage(Exception exception) => Causes(exception).Any(IsDriverOutage);

    private static bool IsDriverOutage(Exception exception) => exception switch
    {
        PostgresException postgres => IsPostgresOutage(postgres.SqlState),
        // Refused or broken connections, timeouts and an exhausted pool: Npgsql marks them transient.
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException redis => IsRedisNotServingReply(redis.Message),
        RedisStorageException wrapped => IsWrappedRedisOutage(wrapped.Message),
        AmazonServiceException aws => IsDynamoDBOutage(aws),
        // The AWS SDK's transport, and any driver's socket or timeout surfacing bare.
        HttpRequestException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// SQLSTATEs of a server that cannot serve now: class 08 (connection exception), class 53 (insufficient resources,
    /// e.g. 53300 too many connections), 57P01-57P03 (shutting down, crashed, starting up), 57014 (statement timeout).
    /// </summary>
    private static bool IsPostgresOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.QueryCanceled;

    /// <summary>Replies of a Redis that is up but not serving: loading its data, busy with a script, or without a primary.</summary>
    private static bool IsRedisNotServingReply(string message) =>
        RedisNotServingReplies.Any(reply => message.StartsWith(reply, StringComparison.Ordinal));

    private static readonly string[] RedisNotServingReplies = ["LOADING ", "BUSY ", "MASTERDOWN ", "CLUSTERDOWN ", "TRYAGAIN ", "READONLY "];

    /// <summary>
    /// Orleans' Redis grain storage rethrows the driver's error as a <see cref="RedisStorageException"/> that keeps only its
    /// type name and text ("... StackExchange.Redis.RedisConnectionException: No connection ..."), so that is what is read.
    /// </summary>
    private static bool IsWrappedRedisOutage(string message) =>
        message.Contains(typeof(RedisConnectionException).FullName + ": ", StringComparison.Ordinal)
        || message.Contains(typeof(RedisTimeoutException).FullName + ": ", StringComparison.Ordinal)
        || RedisNotServingReplies.Any(reply => message.Contains($"{typeof(RedisServerException).FullName}: {reply}", StringComparison.Ordinal));

    /// <summary>Throttling (what the SDK retries with backoff, and what is left after it gave up) and the service's own 5xx.</summary>
    private static bool IsDynamoDBOutage(AmazonServiceException aws) =>
        aws is ProvisionedThroughputExceededException or RequestLimitExceededException or ThrottlingException or InternalServerErrorException
        || aws.ErrorCode is "ThrottlingException" or "Throttling" or "RequestLimitExceeded" or "ProvisionedThroughputExceededException"
        || aws.StatusCode >= HttpStatusCode.InternalServerError;

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                    yield return inner;
                yield break;
            }
        }
    }
}
