using Npgsql;

namespace K8Shop.Silo.Migrations;

/// <summary>One step of the schema's history, applied once, inside the runner's transaction.</summary>
public interface IMigration
{
    /// <summary>A stable id; the order of application is the ordinal order of ids.</summary>
    string Id { get; }

    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>A migration whose body is an embedded SQL file under Migrations/.</summary>
public sealed class SqlMigration(string id, string sql) : IMigration
{
    public string Id { get; } = id;

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every SQL file embedded in the silo, named by file name without extension.</summary>
    public static IEnumerable<SqlMigration> Embedded()
    {
        const string prefix = "K8Shop.Migrations.";
        var assembly = typeof(SqlMigration).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return new SqlMigration(name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
