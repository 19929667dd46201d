using System.Collections.Immutable;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>A state with the shapes grain states use: init-only properties, immutable collections, money, time and ids.</summary>
public sealed record ShelfState
{
    public string Owner { get; init; } = "";

    public ImmutableList<string> Titles { get; init; } = [];

    public ImmutableArray<int> Ratings { get; init; } = [];

    public ImmutableDictionary<string, decimal> Prices { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    public DateTimeOffset ShelvedAt { get; init; }

    public Guid ShelfId { get; init; }
}

public sealed record CounterState
{
    public int Count { get; init; }
}
