using Npgsql;

namespace K8Shop.TestSupport;

/// <summary>
/// Where the real services of the integration tests are: the settings of 'scripts/dev-services.sh env', or the
/// same variables from the environment. Outside CI a missing service skips its tests with a reason; under
/// CI=true it never skips, so the test fails and says what is missing.
/// </summary>
public static class TestServices
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Database=k8shop;Username=k8shop;Password=k8shop";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string DefaultRedis = "127.0.0.1:6379";

    public static string RedisConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Redis") is { Length: > 0 } configured ? configured : DefaultRedis;

    /// <summary>The redis-server binary the tests start their own servers with (installed by dev-services.sh).</summary>
    public static string RedisServerBinary => File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";

    private static readonly Lazy<string?> RedisProblem = new(() =>
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            var endpoint = RedisConnectionString.Split(',')[0].Split(':');
            client.Connect(endpoint[0], endpoint.Length > 1 ? int.Parse(endpoint[1], System.Globalization.CultureInfo.InvariantCulture) : 6379);
            return File.Exists(RedisServerBinary) || RedisServerBinary == "redis-server" ? null : "redis-server is not installed";
        }
        catch (Exception ex)
        {
            return $"Redis is not reachable ({ex.Message}); start it with 'scripts/dev-services.sh up redis'";
        }
    });

    /// <summary>Why Redis tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? RedisSkipReason => IsCi ? null : RedisProblem.Value;

    public const string DefaultDynamoDB = "http://127.0.0.1:8000";

    /// <summary>The DynamoDB endpoint of the tests: dynalite from dev-services.sh, or DynamoDB__ServiceUrl.</summary>
    public static string DynamoDBServiceUrl =>
        Environment.GetEnvironmentVariable("DynamoDB__ServiceUrl") is { Length: > 0 } configured ? configured : DefaultDynamoDB;

    private static readonly Lazy<string?> DynamoDBProblem = new(() =>
    {
        try
        {
            var uri = new Uri(DynamoDBServiceUrl);
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(uri.Host, uri.Port);
            return null;
        }
        catch (Exception ex)
        {
            return $"DynamoDB (dynalite) is not reachable at {DynamoDBServiceUrl} ({ex.Message}); start it with 'scripts/dev-services.sh up dynalite'";
        }
    });

    /// <summary>Why DynamoDB tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? DynamoDBSkipReason => IsCi ? null : DynamoDBProblem.Value;

    /// <summary>Why tests needing the cluster profile's stores (PostgreSQL, Redis, DynamoDB) cannot run here, or null.</summary>
    public static string? ClusterSkipReason => PostgresSkipReason ?? RedisSkipReason ?? DynamoDBSkipReason;

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } configured ? configured : DefaultPostgres;

    private static readonly Lazy<string?> PostgresProblem = new(() =>
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Timeout = 3 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex)
        {
            return $"PostgreSQL is not reachable ({ex.Message}); start it with 'scripts/dev-services.sh up postgres'";
        }
    });

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? PostgresSkipReason => IsCi ? null : PostgresProblem.Value;
}

/// <summary>A fact that needs PostgreSQL: skipped with the reason when it is missing outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServices.PostgresSkipReason;
}

/// <summary>A fact that needs Redis: skipped with the reason when it is missing outside CI.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = TestServices.RedisSkipReason;
}

/// <summary>A fact that needs DynamoDB (dynalite locally): skipped with the reason when it is missing outside CI.</summary>
public sealed class DynamoDBFactAttribute : FactAttribute
{
    public DynamoDBFactAttribute() => Skip = TestServices.DynamoDBSkipReason;
}

/// <summary>A fact that needs the cluster profile's stores: PostgreSQL, Redis and DynamoDB.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute() => Skip = TestServices.ClusterSkipReason;
}

/// <summary>A theory that needs PostgreSQL: skipped with the reason when it is missing outside CI.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestServices.PostgresSkipReason;
}
