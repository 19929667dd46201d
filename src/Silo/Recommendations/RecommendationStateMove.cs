using K8Shop.Grains.Recommendations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Metadata;
using Orleans.Serialization;
using Orleans.Storage;

namespace K8Shop.Silo.Recommendations;

/// <summary>
/// Moves the recommendation states an earlier version kept in PostgreSQL (Orleans' grain storage rows, type
/// <c>&lt;grain type&gt;/&lt;state&gt;</c>, key <c>k:&lt;key&gt;</c>, as <c>FullIdentityGrainStorage</c> wrote them) into
/// their store now, once: as the silo starts, after the storage providers are up and before any grain takes a call.
/// Each state is written as new and its row deleted after; a state the store already holds (another silo of the
/// new version wrote it first) is newer, so it is kept and the old row dropped. A move cut short resumes on the next start.
/// </summary>
public sealed partial class RecommendationStateMove(
    NpgsqlDataSource database,
    [FromKeyedServices(RecommendationStorage.Name)] IGrainStorage store,
    Serializer serializer,
    GrainTypeResolver grainTypes,
    IOptions<ClusterOptions> cluster,
    ILogger<RecommendationStateMove> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const int BatchSize = 500;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RecommendationStateMove), ServiceLifecycleStage.ApplicationServices + 1, MoveAsync);

    private async Task MoveAsync(CancellationToken cancellationToken)
    {
        await MoveAsync<PopularityState>(typeof(PopularityGrain), "popularity", cancellationToken);
        await MoveAsync<BookBuyersState>(typeof(BookBuyersGrain), "buyers", cancellationToken);
        await MoveAsync<ShopperTasteState>(typeof(ShopperTasteGrain), "taste", cancellationToken);
    }

    private async Task MoveAsync<TState>(Type grainClass, string stateName, CancellationToken cancellationToken)
    {
        var grainType = grainTypes.GetGrainType(grainClass);
        var rowType = $"{grainType}/{stateName}";
        var format = new OrleansGrainStorageSerializer(serializer);
        var (moved, kept) = (0, 0);
        while (true)
        {
            var rows = await ReadBatchAsync(rowType, cancellationToken);
            if (rows.Count == 0)
                break;
            foreach (var (key, payload) in rows)
            {
                if (payload is null)
                    continue;
                var grainId = GrainId.Create(grainType, IdSpan.Create(key));
                try
                {
                    await store.WriteStateAsync(stateName, grainId, new GrainState<TState>(format.Deserialize<TState>(payload)));
                    moved++;
                }
                catch (InconsistentStateException)
                {
                    kept++;
                }
            }
            await DeleteAsync(rowType, rows.Select(r => "k:" + r.Key).ToArray(), cancellationToken);
            LogProgress(rowType, moved, kept);
        }
    }

    private async Task<List<(string Key, BinaryData? Payload)>> ReadBatchAsync(string rowType, CancellationToken cancellationToken)
    {
        await using var read = database.CreateCommand("""
            SELECT substr(grain_id_extension, 3), payload FROM orleans.grain_state
            WHERE service_id = $1 AND grain_type = $2 AND grain_id_extension LIKE 'k:%'
            ORDER BY grain_id_extension LIMIT $3
            """);
        read.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ServiceId });
        read.Parameters.Add(new NpgsqlParameter { Value = rowType });
        read.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        var rows = new List<(string, BinaryData?)>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A cleared state (no payload) has nothing to move: its row is deleted with the rest.
            var payload = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
            rows.Add((reader.GetString(0), payload is null ? null : new BinaryData(payload)));
        }
        return rows;
    }

    private async Task DeleteAsync(string rowType, string[] keys, CancellationToken cancellationToken)
    {
        await using var delete = database.CreateCommand(
            "DELETE FROM orleans.grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_id_extension = ANY($3)");
        delete.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ServiceId });
        delete.Parameters.Add(new NpgsqlParameter { Value = rowType });
        delete.Parameters.Add(new NpgsqlParameter { Value = keys });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recommendations: moved {Moved} {RowType} states from PostgreSQL to their store ({Kept} already there, kept)")]
    private partial void LogProgress(string rowType, int moved, int kept);
}
