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

/// <summary>A theory that needs PostgreSQL: skipped with the reason when it is missing outside CI.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestServices.PostgresSkipReason;
}
