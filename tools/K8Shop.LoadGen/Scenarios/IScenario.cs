namespace K8Shop.LoadGen.Scenarios;

/// <summary>A workload: the SKUs it touches and what each next operation does.</summary>
public interface IScenario
{
    string Name { get; }

    /// <summary>Every SKU the scenario may touch; setup and the end-of-run check cover exactly these.</summary>
    IReadOnlyList<string> Skus { get; }

    /// <summary>One line for the run header, such as "every client on BOOK-001, qty 1".</summary>
    string Description { get; }

    /// <summary>Draws the next operation. Every random choice is made here, so a seed fixes the sequence whatever the server answers.</summary>
    IOperation Next(Random random);
}
