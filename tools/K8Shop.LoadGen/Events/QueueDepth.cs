using System.Text.Json;

namespace K8Shop.LoadGen.Events;

/// <summary>One queue's depth at one moment: ready (waiting for a consumer) and unacknowledged (delivered, not yet settled).</summary>
public sealed record QueueDepth(string Name, long Ready, long Unacknowledged)
{
    public long Messages => Ready + Unacknowledged;

    /// <summary>
    /// The queues of a management API <c>GET /api/queues/{vhost}</c> answer whose names match one of
    /// <paramref name="patterns"/>. A queue the broker has not counted yet (no <c>messages_ready</c>) reads as empty.
    /// </summary>
    public static List<QueueDepth> Parse(string json, IReadOnlyList<string> patterns)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new JsonException("the management API did not answer a list of queues");
        var depths = new List<QueueDepth>();
        foreach (var queue in document.RootElement.EnumerateArray())
        {
            if (!queue.TryGetProperty("name", out var name) || name.GetString() is not { } text || !QueuePattern.MatchesAny(patterns, text))
                continue;
            depths.Add(new QueueDepth(text, Count(queue, "messages_ready"), Count(queue, "messages_unacknowledged")));
        }
        return depths;
    }

    private static long Count(JsonElement queue, string field) =>
        queue.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}

/// <summary>Queue names matched against patterns where "*" stands for any characters, the rest literally.</summary>
public static class QueuePattern
{
    public static bool MatchesAny(IReadOnlyList<string> patterns, string name) => patterns.Any(pattern => Matches(pattern, name));

    public static bool Matches(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
            return pattern == name;
        if (!name.StartsWith(parts[0], StringComparison.Ordinal) || !name.EndsWith(parts[^1], StringComparison.Ordinal)
            || name.Length < parts[0].Length + parts[^1].Length)
            return false;
        var at = parts[0].Length;
        var end = name.Length - parts[^1].Length;
        foreach (var middle in parts[1..^1])
        {
            var found = name.IndexOf(middle, at, end - at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + middle.Length;
        }
        return true;
    }
}
