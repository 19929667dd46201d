using K8Shop.Silo.Storage;
using K8Shop.TestSupport;
using Npgsql;

namespace K8Shop.IntegrationTests.Storage;

/// <summary>Npgsql's errors as a real PostgreSQL raises them: only connection and timeout errors are an outage.</summary>
public sealed class PostgresOutageTests
{
    [PostgresFact]
    public async Task NobodyListening_ConnectionRefused_IsAnOutage()
    {
        var refused = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Port = TestPorts.Free(), Timeout = 2, Pooling = false };
        await using var connection = new NpgsqlConnection(refused.ConnectionString);

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(DatastoreOutage.IsOutage(error), Describe(error));
    }

    [PostgresFact]
    public async Task ConnectionTerminatedByTheServer_AdminShutdown_IsAnOutage()
    {
        await using var victim = await OpenAsync(TestServices.PostgresConnectionString);
        var pid = victim.ProcessID;
        await using (var admin = await OpenAsync(TestServices.PostgresConnectionString))
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend({pid})");

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(victim, "SELECT 1"));

        Assert.True(DatastoreOutage.IsOutage(error), Describe(error));
    }

    [PostgresFact]
    public async Task DatabaseAtItsConnectionLimit_TooManyConnections_IsAnOutage()
    {
        await using var database = await PostgresDatabase.CreateAsync("limit");
        await using (var owner = await OpenAsync(TestServices.PostgresConnectionString))
            await ExecuteAsync(owner, $"ALTER DATABASE \"{database.Name}\" CONNECTION LIMIT 1");
        await using var first = await OpenAsync(database.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(database.ConnectionString));

        Assert.Equal(PostgresErrorCodes.TooManyConnections, error.SqlState);
        Assert.True(DatastoreOutage.IsOutage(error), Describe(error));
    }

    [PostgresFact]
    public async Task QueryOutlivingTheCommandTimeout_IsAnOutage()
    {
        await using var connection = await OpenAsync(TestServices.PostgresConnectionString);
        await using var command = new NpgsqlCommand("SELECT pg_sleep(5)", connection) { CommandTimeout = 1 };

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => command.ExecuteNonQueryAsync());

        Assert.True(DatastoreOutage.IsOutage(error), Describe(error));
    }

    [PostgresFact]
    public async Task QueryOutlivingTheStatementTimeout_IsAnOutage()
    {
        await using var connection = await OpenAsync(TestServices.PostgresConnectionString);
        await ExecuteAsync(connection, "SET statement_timeout = 100");

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "SELECT pg_sleep(2)"));

        Assert.Equal(PostgresErrorCodes.QueryCanceled, error.SqlState);
        Assert.True(DatastoreOutage.IsOutage(error), Describe(error));
    }

    [PostgresTheory]
    [InlineData("SELECT * FROM no_such_table_k8shop", PostgresErrorCodes.UndefinedTable)]
    [InlineData("SELECT 1 / 0", PostgresErrorCodes.DivisionByZero)]
    [InlineData("SELECT 'x'::int", PostgresErrorCodes.InvalidTextRepresentation)]
    public async Task SqlTheCodeGotWrong_IsABugNotAnOutage(string sql, string sqlState)
    {
        await using var connection = await OpenAsync(TestServices.PostgresConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));

        Assert.Equal(sqlState, error.SqlState);
        Assert.False(DatastoreOutage.IsOutage(error), Describe(error));
        // The connection is fine: the server answered the bug and goes on serving.
        await ExecuteAsync(connection, "SELECT 1");
    }

    [PostgresFact]
    public async Task ReadingAColumnAsTheWrongType_IsABugNotAnOutage()
    {
        await using var connection = await OpenAsync(TestServices.PostgresConnectionString);
        await using var command = new NpgsqlCommand("SELECT 'text'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        var error = Assert.ThrowsAny<InvalidCastException>(() => reader.GetInt32(0));

        Assert.False(DatastoreOutage.IsOutage(error), Describe(error));
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static string Describe(Exception error) => $"{error.GetType().Name}: {error.Message} (inner {error.InnerException?.GetType().Name ?? "none"})";
}
