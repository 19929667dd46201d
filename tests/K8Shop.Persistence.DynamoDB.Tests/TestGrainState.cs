using System.Diagnostics.CodeAnalysis;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>What a grain activation holds between storage calls; a storage that hands back a null state fails the test.</summary>
public sealed class TestGrainState<T>(T state, string? eTag = null) : IGrainState<T>
    where T : class, new()
{
    private T _state = state;

    public TestGrainState()
        : this(new T())
    {
    }

    [AllowNull]
    public T State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value), "The storage set a null state.");
    }

    public string? ETag { get; set; } = eTag;

    public bool RecordExists { get; set; }
}
