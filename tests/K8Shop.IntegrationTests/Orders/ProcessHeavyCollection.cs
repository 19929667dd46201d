namespace K8Shop.IntegrationTests.Orders;

/// <summary>
/// Tests that start several silo or gateway processes run alone, not beside the other test classes: on two cores
/// their start-up would slow the others' timed waits, and the others theirs. (xUnit reads a collection's
/// definition from the test assembly itself, so each assembly has its own.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessHeavyCollection
{
    public const string Name = "process-heavy";
}
