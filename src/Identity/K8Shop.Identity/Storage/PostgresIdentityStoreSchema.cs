using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace K8Shop.Identity.Storage;

/// <summary>
/// PostgreSQL: pods starting together take a session advisory lock, so one creates the tables (the EF model's own create
/// script, in one transaction) and seeds while the others wait, then find everything there. EnsureCreated is not used:
/// it skips creation whenever the database holds any table, e.g. another component's.
/// </summary>
internal sealed class PostgresIdentityStoreSchema(string connectionString) : IIdentityStoreSchema
{
    // Any constant unique to this purpose; advisory locks are per database.
    private const long LockKey = 0x4B3853686F704944;

    public async Task RunExclusiveAsync(IdentityStoreContext context, Func<CancellationToken, Task> afterSchema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await CreateTablesIfMissingAsync(connection, context, cancellationToken);
            await afterSchema(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task CreateTablesIfMissingAsync(NpgsqlConnection connection, IdentityStoreContext context, CancellationToken cancellationToken)
    {
        var expected = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var existing = await ExistingTablesAsync(connection, cancellationToken);
        var missing = expected.Except(existing).ToList();
        if (missing.Count == 0)
            return;
        if (missing.Count != expected.Count)
            throw new InvalidOperationException(
                $"Schema '{IdentityStoreContext.Schema}' lacks tables {string.Join(", ", missing)} but has the others: it was made by another version and needs a migration.");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(context.Database.GenerateCreateScript(), connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> ExistingTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema", connection);
        command.Parameters.AddWithValue("schema", IdentityStoreContext.Schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(reader.GetString(0));
        return tables;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
