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

    private bool _kept;

    /// <summary>Leaves the database in place at dispose, for a failed test whose rows are worth reading.</summary>
    public void Keep() => _kept = true;

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
        if (_kept)
            return;
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
            {
                // FORCE ends other sessions only if this role may signal them, and an autovacuum worker, which
                // belongs to no role, fails that check. A plain DROP stops autovacuum workers itself and waits for
                // them; if a session of another kind is still there, it is refused and FORCE is tried again.
                try
                {
                    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{Name}\"");
                    return;
                }
                catch (PostgresException again) when (again.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
                }
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
