using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using K8Shop.Contracts.Storage;
using K8Shop.Silo.Faults;
using K8Shop.Silo.Storage;
using Npgsql;
using Orleans.Persistence.Redis;
using Orleans.Storage;
using StackExchange.Redis;

namespace K8Shop.IntegrationTests.Storage;

/// <summary>
/// The errors no local service raises for real (throttling, a 5xx, a Redis still loading, a server crash) built as the
/// drivers build them, the fault drills' own, and the bugs that must never pass for an outage.
/// </summary>
public sealed class ConstructedOutageTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "npgsql socket", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "npgsql stream", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "postgres crash shutdown", Postgres(PostgresErrorCodes.CrashShutdown) },
        { "postgres starting up", Postgres(PostgresErrorCodes.CannotConnectNow) },
        { "postgres connection failure", Postgres(PostgresErrorCodes.ConnectionFailure) },
        { "postgres out of memory", Postgres(PostgresErrorCodes.OutOfMemory) },
        { "redis-unavailable drill", new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation: GET") },
        { "redis timeout", new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent) },
        { "redis loading", new RedisServerException("LOADING Redis is loading the dataset in memory") },
        { "redis wrapped by orleans", new RedisStorageException("Failed to read grain state for cart with ID cart/u1 and storage key k8shop/state/cart/u1/cart. StackExchange.Redis.RedisConnectionException: No connection is active/available to service this operation: HGETALL") },
        { "redis timeout wrapped by orleans", new RedisStorageException("Failed to write grain state for cart grain with ID cart/u1 and storage key k. StackExchange.Redis.RedisTimeoutException: Timeout awaiting response") },
        { "dynamodb-throttling drill", InventoryWriteFaultHandler.Throttled() },
        { "dynamodb request limit", new RequestLimitExceededException("Throughput exceeds the current throughput quota for your account.") },
        { "dynamodb throttling", new ThrottlingException("Rate of requests exceeds the allowed throughput.") },
        { "dynamodb internal error", new InternalServerErrorException("Internal server error") },
        { "dynamodb 503", new AmazonDynamoDBException("Service unavailable", ErrorType.Receiver, "ServiceUnavailable", "r1", HttpStatusCode.ServiceUnavailable) },
        { "http transport", new HttpRequestException("Connection refused (127.0.0.1:8000)", new SocketException((int)SocketError.ConnectionRefused)) },
        { "http timeout", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()) },
    };

    public static TheoryData<string, Exception> Bugs => new()
    {
        { "null", new NullReferenceException() },
        { "invalid operation", new InvalidOperationException("Sequence contains no elements") },
        { "serialization", new Orleans.Serialization.CodecNotFoundException("Could not find a codec for type K8Shop.Grains.Cart.CartState") },
        { "version conflict", new InconsistentStateException("stale write", "2", "1") },
        { "conditional check", new ConditionalCheckFailedException("The conditional request failed") },
        { "postgres unique violation", Postgres(PostgresErrorCodes.UniqueViolation) },
        { "postgres undefined table", Postgres(PostgresErrorCodes.UndefinedTable) },
        { "postgres deadlock", Postgres(PostgresErrorCodes.DeadlockDetected) },
        { "npgsql not transient", new NpgsqlException("The operation is not supported") },
        { "redis wrong type", new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value") },
        { "redis bug wrapped by orleans", new RedisStorageException("Failed to read grain state for cart with ID cart/u1 and storage key k. System.InvalidOperationException: Sequence contains more than one matching element") },
        { "dynamodb validation", new AmazonDynamoDBException("1 validation error detected", ErrorType.Sender, "ValidationException", "r2", HttpStatusCode.BadRequest) },
        { "dynamodb missing table", new ResourceNotFoundException("Requested resource not found") },
        { "a store already unavailable", new StorageUnavailableException("payments", "payment provider unavailable") },
    };

    [Theory, MemberData(nameof(Outages))]
    public void DriverConnectionOrTimeoutError_IsAnOutage(string name, Exception error) =>
        Assert.True(DatastoreOutage.IsOutage(error), name);

    [Theory, MemberData(nameof(Outages))]
    public void DriverOutageWrappedByTheRuntime_IsStillAnOutage(string name, Exception error) =>
        Assert.True(DatastoreOutage.IsOutage(new Orleans.Runtime.OrleansException("Error from storage provider", new AggregateException(error))), name);

    [Theory, MemberData(nameof(Bugs))]
    public void AnythingElse_IsNotAnOutage(string name, Exception error) =>
        Assert.False(DatastoreOutage.IsOutage(error), name);

    [Fact]
    public async Task TranslatingStorage_DriverOutage_BecomesUnavailableWithTheOriginalText()
    {
        var storage = new UnavailableTranslatingGrainStorage(new FailingGrainStorage(InventoryWriteFaultHandler.Throttled()), "dynamodb", "inventory store unavailable");

        var unavailable = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("inventory", GrainId.Create("inventorysku", "BOOK-1"), new GrainState<int>()));

        Assert.Equal(("dynamodb", "inventory store unavailable"), (unavailable.Backend, unavailable.Message));
    }

    [Theory, MemberData(nameof(Bugs))]
    public async Task TranslatingStorage_Bug_PassesThroughAsItselfWithItsTrace(string name, Exception error)
    {
        var storage = new UnavailableTranslatingGrainStorage(new FailingGrainStorage(error), "postgresql", "orders store unavailable");

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => storage.ReadStateAsync("order", GrainId.Create("order", "o1"), new GrainState<int>()));

        Assert.True(ReferenceEquals(error, thrown), $"{name}: {thrown.GetType().Name} came out instead");
        Assert.Contains(nameof(FailingGrainStorage), thrown.StackTrace ?? "", StringComparison.Ordinal);
    }

    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    private sealed class FailingGrainStorage(Exception error) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Fail();

        private async Task Fail()
        {
            await Task.Yield();
            throw error;
        }
    }
}
