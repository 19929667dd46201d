using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Persistence.DynamoDB;

/// <summary>
/// Grain storage on DynamoDB using only single-item conditional writes (so dynalite runs it too): the ETag is a
/// version that every write and clear raises by one, checked by the write's condition.
/// </summary>
public sealed partial class DynamoDBGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const string NoItemCondition = "attribute_not_exists(#key)";
    private const string VersionCondition = "#version = :expected";

    private readonly string _name;
    private readonly string _serviceId;
    private readonly DynamoDBStorageOptions _options;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger _logger;

    // Built on first use, after the silo has validated the options.
    private readonly Lazy<AmazonDynamoDBClient> _client;

    public DynamoDBGrainStorage(
        string name,
        DynamoDBStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        ILogger<DynamoDBGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serviceId = clusterOptions.Value.ServiceId;
        _activatorProvider = activatorProvider;
        _logger = logger;
        _client = new Lazy<AmazonDynamoDBClient>(() => DynamoDBClientFactory.Create(options));
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<DynamoDBGrainStorage>(_name), _options.InitStage, InitAsync);

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        if (_options.CreateTableIfNotExists)
        {
            await new GrainStateTable(_client.Value, _options.TableName, _logger).EnsureExistsAsync(cancellationToken);
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var activity = DynamoDBTelemetry.Start("GetItem", _options.TableName);
        try
        {
            var response = await _client.Value.GetItemAsync(new GetItemRequest
            {
                TableName = _options.TableName,
                Key = GrainStateItem.Key(_serviceId, grainId, stateName),
                ConsistentRead = true,
            });
            var item = response.Item is { Count: > 0 } found ? found : null;
            var stateJson = item is null ? null : GrainStateItem.ReadState(item);

            grainState.ETag = GrainStateItem.ReadVersion(item) is { } version ? GrainStateItem.FormatVersion(version) : null;
            grainState.State = stateJson is null ? CreateInstance<T>() : JsonSerializer.Deserialize<T>(stateJson, _options.JsonSerializerOptions) ?? CreateInstance<T>();
            grainState.RecordExists = stateJson is not null;
        }
        catch (Exception exception)
        {
            DynamoDBTelemetry.Failed(activity, exception);
            LogReadFailed(exception, _name, grainId, stateName, _options.TableName);
            throw;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stateJson = JsonSerializer.Serialize(grainState.State, _options.JsonSerializerOptions);
        grainState.ETag = await PutAsync(nameof(WriteStateAsync), stateName, grainId, grainState.ETag, stateJson, typeof(T));
        grainState.RecordExists = true;
    }

    /// <summary>Writes a tombstone (a new version without state), or deletes the item when configured to.</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_options.DeleteStateOnClear)
        {
            await DeleteAsync(stateName, grainId, grainState.ETag);
            grainState.ETag = null;
        }
        else
        {
            grainState.ETag = await PutAsync(nameof(ClearStateAsync), stateName, grainId, grainState.ETag, stateJson: null, typeof(T));
        }

        grainState.State = CreateInstance<T>();
        grainState.RecordExists = false;
    }

    private async Task<string> PutAsync(string operation, string stateName, GrainId grainId, string? etag, string? stateJson, Type stateType)
    {
        var expected = ExpectedVersion(operation, stateName, grainId, etag);
        var key = GrainStateItem.Key(_serviceId, grainId, stateName);
        var newVersion = (expected ?? 0) + 1;
        var request = new PutItemRequest
        {
            TableName = _options.TableName,
            Item = GrainStateItem.Create(key, newVersion, stateJson, stateType, DateTimeOffset.UtcNow),
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Condition(expected);
        using var activity = DynamoDBTelemetry.Start("PutItem", _options.TableName);
        try
        {
            await _client.Value.PutItemAsync(request);
        }
        catch (ConditionalCheckFailedException conflict)
        {
            DynamoDBTelemetry.Failed(activity, conflict);
            throw VersionConflict(operation, stateName, grainId, etag, conflict);
        }
        catch (Exception exception)
        {
            DynamoDBTelemetry.Failed(activity, exception);
            LogWriteFailed(exception, operation, _name, grainId, stateName, _options.TableName);
            throw;
        }

        return GrainStateItem.FormatVersion(newVersion);
    }

    private async Task DeleteAsync(string stateName, GrainId grainId, string? etag)
    {
        var expected = ExpectedVersion(nameof(ClearStateAsync), stateName, grainId, etag);
        var request = new DeleteItemRequest
        {
            TableName = _options.TableName,
            Key = GrainStateItem.Key(_serviceId, grainId, stateName),
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = Condition(expected);
        using var activity = DynamoDBTelemetry.Start("DeleteItem", _options.TableName);
        try
        {
            await _client.Value.DeleteItemAsync(request);
        }
        catch (ConditionalCheckFailedException conflict)
        {
            DynamoDBTelemetry.Failed(activity, conflict);
            throw VersionConflict(nameof(ClearStateAsync), stateName, grainId, etag, conflict);
        }
        catch (Exception exception)
        {
            LogWriteFailed(exception, nameof(ClearStateAsync), _name, grainId, stateName, _options.TableName);
            throw;
        }
    }

    /// <summary>No item yet when there is no expected version; otherwise exactly that version.</summary>
    private static (string, Dictionary<string, string>, Dictionary<string, AttributeValue>?) Condition(long? expected) =>
        expected is { } version
            ? (VersionCondition,
               new() { ["#version"] = GrainStateItem.Version },
               new() { [":expected"] = new AttributeValue { N = GrainStateItem.FormatVersion(version) } })
            : (NoItemCondition, new() { ["#key"] = GrainStateItem.GrainKey }, null);

    private long? ExpectedVersion(string operation, string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        return GrainStateItem.TryParseVersion(etag, out var version)
            ? version
            : throw new InconsistentStateException(
                $"Version conflict ({operation}): ETag '{etag}' is not a version of {nameof(DynamoDBGrainStorage)} '{_name}' (GrainId={grainId} StateName={stateName}).",
                storedEtag: null,
                currentEtag: etag);
    }

    private InconsistentStateException VersionConflict(string operation, string stateName, GrainId grainId, string? etag, ConditionalCheckFailedException conflict)
    {
        // Real DynamoDB returns the stored item with the failure; dynalite does not, so the stored version may be unknown.
        var stored = GrainStateItem.ReadVersion(conflict.Item) is { } version ? GrainStateItem.FormatVersion(version) : null;
        LogVersionConflict(operation, _name, grainId, stateName, etag, stored);
        return new InconsistentStateException(
            $"Version conflict ({operation}): {nameof(DynamoDBGrainStorage)} '{_name}' GrainId={grainId} StateName={stateName} ETag={etag ?? "(none)"} StoredETag={stored ?? "(none or unknown)"}.",
            stored,
            etag,
            conflict);
    }

    private T CreateInstance<T>() => _activatorProvider.GetActivator<T>().Create();

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading state {StateName} of grain {GrainId} from DynamoDB storage {ProviderName} (table {TableName}) failed")]
    private partial void LogReadFailed(Exception exception, string providerName, GrainId grainId, string stateName, string tableName);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Operation} of state {StateName} of grain {GrainId} to DynamoDB storage {ProviderName} (table {TableName}) failed")]
    private partial void LogWriteFailed(Exception exception, string operation, string providerName, GrainId grainId, string stateName, string tableName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Operation} of state {StateName} of grain {GrainId} in DynamoDB storage {ProviderName}: version conflict, ETag {ETag}, stored {StoredETag}")]
    private partial void LogVersionConflict(string operation, string providerName, GrainId grainId, string stateName, string? eTag, string? storedETag);
}
