namespace K8Shop.LoadGen.Faults;

/// <summary>One poll of <c>GET /admin/faults</c>: when it was answered (Stopwatch timestamp) and the faults on then.</summary>
public sealed record FaultObservation(long At, IReadOnlyList<string> Active);
