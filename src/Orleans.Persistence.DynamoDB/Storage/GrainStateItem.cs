using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Orleans.Runtime;

namespace Orleans.Persistence.DynamoDB;

/// <summary>
/// The table's shape: one item per grain state, keyed by <c>{serviceId}/{grainId}</c> and the state name, with a
/// version that grows by one on every write and clear (the ETag), and the state as JSON (absent on a tombstone).
/// </summary>
internal static class GrainStateItem
{
    public const string GrainKey = "GrainKey";
    public const string StateName = "StateName";
    public const string Version = "Version";
    public const string State = "State";
    public const string StateType = "StateType";
    public const string UpdatedAt = "UpdatedAt";

    public static Dictionary<string, AttributeValue> Key(string serviceId, GrainId grainId, string stateName) => new()
    {
        [GrainKey] = new AttributeValue { S = $"{serviceId}/{grainId}" },
        [StateName] = new AttributeValue { S = stateName },
    };

    public static Dictionary<string, AttributeValue> Create(
        Dictionary<string, AttributeValue> key, long version, string? stateJson, Type stateType, DateTimeOffset updatedAt)
    {
        var item = new Dictionary<string, AttributeValue>(key)
        {
            [Version] = new AttributeValue { N = FormatVersion(version) },
            [StateType] = new AttributeValue { S = stateType.FullName ?? stateType.Name },
            [UpdatedAt] = new AttributeValue { S = updatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (stateJson is not null)
        {
            item[State] = new AttributeValue { S = stateJson };
        }

        return item;
    }

    /// <summary>The item's version, or null when there is no item (or it has no version).</summary>
    public static long? ReadVersion(Dictionary<string, AttributeValue>? item) =>
        item is not null && item.TryGetValue(Version, out var value) && value.N is { } number
            ? long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The state JSON, or null on a tombstone.</summary>
    public static string? ReadState(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(State, out var value) ? value.S : null;

    public static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads an ETag this provider handed out; anything else cannot match a stored version.</summary>
    public static bool TryParseVersion(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
}
