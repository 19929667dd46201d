using K8Shop.Grains.Storage;
using Npgsql;

namespace K8Shop.Silo.Storage;

/// <summary>Asks PostgreSQL for one row, through the silo's shared pool.</summary>
public sealed class PostgresBackendProbe(NpgsqlDataSource dataSource) : IBackendProbe
{
    public string Backend => "postgresql";

    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return "store unavailable";
        }
    }
}
