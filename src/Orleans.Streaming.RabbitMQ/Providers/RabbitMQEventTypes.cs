using System.Diagnostics.CodeAnalysis;

namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// The event types a provider reads and writes, each under a stable alias sent in a message header: the receiving
/// side only ever turns a message into a type registered here, never into a type named by the message.
/// </summary>
public sealed class RabbitMQEventTypes
{
    private readonly Dictionary<string, Type> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    public int Count => _byAlias.Count;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="alias"/> (its full name when null).</summary>
    public RabbitMQEventTypes Add<T>(string? alias = null) => Add(typeof(T), alias);

    /// <summary>Registers <paramref name="type"/> under <paramref name="alias"/> (its full name when null).</summary>
    public RabbitMQEventTypes Add(Type type, string? alias = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        alias ??= type.FullName ?? type.Name;
        if (_byAlias.TryGetValue(alias, out var existing) && existing != type)
        {
            throw new ArgumentException($"Alias '{alias}' is already registered for {existing}.", nameof(alias));
        }

        _byAlias[alias] = type;
        _byType[type] = alias;
        return this;
    }

    public bool TryGetType(string alias, [NotNullWhen(true)] out Type? type) => _byAlias.TryGetValue(alias, out type);

    public bool TryGetAlias(Type type, [NotNullWhen(true)] out string? alias) => _byType.TryGetValue(type, out alias);
}
