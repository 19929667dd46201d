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
    public const string DefaultRedis = "127.0.0.1:6379";
    public const string DefaultDynamoDB = "http://127.0.0.1:8000";
    public const string DefaultRabbitMQ = "amqp://k8shop:k8shop@127.0.0.1:5672/";
    public const string DefaultSmtpHttp = "http://127.0.0.1:1080";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnectionString => Setting("ConnectionStrings__Postgres", DefaultPostgres);

    public static string RedisConnectionString => Setting("ConnectionStrings__Redis", DefaultRedis);

    /// <summary>The DynamoDB endpoint of the tests: dynalite from dev-services.sh, or DynamoDB__ServiceUrl.</summary>
    public static string DynamoDBServiceUrl => Setting("DynamoDB__ServiceUrl", DefaultDynamoDB);

    /// <summary>The broker of the tests as configured: RabbitMQ from dev-services.sh, or ConnectionStrings__RabbitMQ.</summary>
    public static string RabbitMQBrokerConnectionString => Setting("ConnectionStrings__RabbitMQ", DefaultRabbitMQ);

    /// <summary>
    /// The broker with a virtual host of this test process, created on first use and deleted when the process ends.
    /// A test silo declares queues and exchanges bound to <c>orders</c> under a service id of its own; on the shared
    /// virtual host they outlived the run, and each took a copy of every event a developer's own silo published.
    /// </summary>
    public static string RabbitMQConnectionString => RunVirtualHost.Value.ConnectionString;

    private static readonly Lazy<RabbitMQVirtualHost> RunVirtualHost = new(() =>
    {
        var vhost = RabbitMQVirtualHost.CreateAsync("run").GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => vhost.Delete();
        return vhost;
    });

    /// <summary>The test SMTP server (scripts/smtp-server.cjs): SMTP host and port, and its HTTP listing of what it received.</summary>
    public static string SmtpHost => Setting("Smtp__Host", "127.0.0.1");

    public static int SmtpPort => int.Parse(Setting("Smtp__Port", "1025"), System.Globalization.CultureInfo.InvariantCulture);

    public static Uri SmtpHttp => new(Setting("K8SHOP_SMTP_HTTP", DefaultSmtpHttp));

    /// <summary>The redis-server binary the tests start their own servers with (installed by dev-services.sh).</summary>
    public static string RedisServerBinary => File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";

    private static readonly Lazy<string?> PostgresProblem = Probe("PostgreSQL", "postgres", () =>
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Timeout = 3 }.ConnectionString);
        connection.Open();
    });

    private static readonly Lazy<string?> RedisProblem = Probe("Redis", "redis", () =>
    {
        var endpoint = RedisConnectionString.Split(',')[0].Split(':');
        Connect(endpoint[0], endpoint.Length > 1 ? int.Parse(endpoint[1], System.Globalization.CultureInfo.InvariantCulture) : 6379);
    });

    private static readonly Lazy<string?> DynamoDBProblem = Probe($"DynamoDB (dynalite) at {DynamoDBServiceUrl}", "dynalite", () =>
    {
        var uri = new Uri(DynamoDBServiceUrl);
        Connect(uri.Host, uri.Port);
    });

    private static readonly Lazy<string?> RabbitMQProblem = Probe("RabbitMQ", "rabbitmq", () =>
    {
        var uri = new Uri(RabbitMQBrokerConnectionString);
        Connect(uri.Host, uri.Port is > 0 ? uri.Port : 5672);
    });

    private static readonly Lazy<string?> SmtpProblem = Probe($"the test SMTP server ({SmtpHost}:{SmtpPort}, {SmtpHttp})", "smtp", () =>
    {
        Connect(SmtpHost, SmtpPort);
        Connect(SmtpHttp.Host, SmtpHttp.Port);
    });

    /// <summary>Why tests needing the test SMTP server cannot run here, or null (always null under CI).</summary>
    public static string? SmtpSkipReason => IsCi ? null : SmtpProblem.Value;

    /// <summary>Why tests needing RabbitMQ and the SMTP server (besides the cluster stores) cannot run here, or null (always null under CI).</summary>
    public static string? NotificationSkipReason => IsCi ? null : ClusterSkipReason ?? RabbitMQProblem.Value ?? SmtpProblem.Value;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? PostgresSkipReason => IsCi ? null : PostgresProblem.Value;

    /// <summary>Why Redis tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? RedisSkipReason => IsCi ? null : RedisProblem.Value;

    /// <summary>Why DynamoDB tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? DynamoDBSkipReason => IsCi ? null : DynamoDBProblem.Value;

    /// <summary>Why RabbitMQ tests cannot run here, or null when they can (always null under CI).</summary>
    public static string? RabbitMQSkipReason => IsCi ? null : RabbitMQProblem.Value;

    /// <summary>Why tests needing the cluster profile's services (PostgreSQL, Redis, DynamoDB, RabbitMQ) cannot run here, or null.</summary>
    public static string? ClusterSkipReason => PostgresSkipReason ?? RedisSkipReason ?? DynamoDBSkipReason ?? RabbitMQSkipReason;

    private static string Setting(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured : fallback;

    /// <summary>Tries the service once, on first use: null when it answers, else a reason that says how to start it.</summary>
    private static Lazy<string?> Probe(string service, string devServiceName, Action connect) => new(() =>
    {
        try
        {
            connect();
            return null;
        }
        catch (Exception ex)
        {
            return $"{service} is not reachable ({ex.Message}); start it with 'scripts/dev-services.sh up {devServiceName}'";
        }
    });

    private static void Connect(string host, int port)
    {
        using var client = new System.Net.Sockets.TcpClient();
        client.Connect(host, port);
    }
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

/// <summary>A fact that needs RabbitMQ: skipped with the reason when it is missing outside CI.</summary>
public sealed class RabbitMQFactAttribute : FactAttribute
{
    public RabbitMQFactAttribute() => Skip = TestServices.RabbitMQSkipReason;
}

/// <summary>A fact that needs the cluster profile's stores: PostgreSQL, Redis and DynamoDB.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute() => Skip = TestServices.ClusterSkipReason;
}

/// <summary>A fact that needs only the test SMTP server: skipped with the reason when it is missing outside CI.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute() => Skip = TestServices.SmtpSkipReason;
}

/// <summary>A fact that needs the cluster stores, RabbitMQ and the test SMTP server.</summary>
public sealed class NotificationFactAttribute : FactAttribute
{
    public NotificationFactAttribute() => Skip = TestServices.NotificationSkipReason;
}

/// <summary>A theory that needs PostgreSQL: skipped with the reason when it is missing outside CI.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestServices.PostgresSkipReason;
}
