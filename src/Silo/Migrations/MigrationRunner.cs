using Microsoft.Extensions.Logging;
using Npgsql;

namespace K8Shop.Silo.Migrations;

/// <summary>
/// Brings a PostgreSQL database up to date: applies, in id order, each migration not yet recorded in
/// <c>public.k8shop_migrations</c>, each in its own transaction. An advisory lock makes silos that start
/// together take turns, so running it twice, or from two processes at once, is safe.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, IEnumerable<IMigration> migrations, ILogger<MigrationRunner> logger)
{
    private const long AdvisoryLockKey = 0x4B385368_6F704D67; // "K8ShopMg"

    /// <summary>Applies what is missing and returns the ids it applied (empty when the database was current).</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var setup = await connection.BeginTransactionAsync(cancellationToken))
        {
            await Execute(connection, setup, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            await Execute(connection, setup, """
                CREATE TABLE IF NOT EXISTS public.k8shop_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            await setup.CommitAsync(cancellationToken);
        }

        var applied = new List<string>();
        foreach (var migration in migrations.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            await using (var check = new NpgsqlCommand("SELECT 1 FROM public.k8shop_migrations WHERE id = $1", connection, transaction))
            {
                check.Parameters.Add(new NpgsqlParameter { Value = migration.Id });
                if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                    continue;
            }

            LogApplying(migration.Id);
            await migration.ApplyAsync(connection, transaction, cancellationToken);
            await using (var record = new NpgsqlCommand("INSERT INTO public.k8shop_migrations (id) VALUES ($1)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Id });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration.Id);
        }

        LogCurrent(applied.Count);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migration {MigrationId}")]
    private partial void LogApplying(string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({AppliedCount} migrations applied now)")]
    private partial void LogCurrent(int appliedCount);
}
