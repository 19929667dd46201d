namespace K8Shop.Contracts.Faults;

/// <summary>A named fault: what it breaks, how (its <see cref="FaultKind"/>) and its parameters when turned on without any.</summary>
public sealed record FaultDefinition(string Name, string Description, FaultKind Kind, double DefaultProbability = 1, int? DefaultLatencyMs = null);
