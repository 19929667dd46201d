using Npgsql;

namespace K8Shop.TestSupport;

/// <summary>
/// A throwaway database on the shared test PostgreSQL server, created empty for one fixture and dropped after,
/// so fixtures never see each other's rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync(string purpose)
    {
        var name = $"k8shop_test_{purpose}_{Guid.NewGuid():N}"[..50].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(TestServices.PostgresConnectionString))
        {
            try
            {
                await admin.OpenAsync();
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"PostgreSQL is not reachable at the test connection string ({ex.Message}); run 'scripts/dev-services.sh up postgres'.", ex);
            }
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
