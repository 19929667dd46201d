using K8Shop.LoadGen.Metrics;

namespace K8Shop.LoadGen.Faults;

/// <summary>
/// One window as it happened: the plan, when the switch actually answered on and off (Stopwatch timestamps; null if it
/// never did), why not when it failed, and the run's figures over the window's seconds.
/// </summary>
public sealed class ChaosWindow(PlannedWindow plan, SeriesWindow figures)
{
    public PlannedWindow Plan { get; } = plan;
    public SeriesWindow Figures { get; } = figures;
    public long? TurnedOnAt { get; set; }
    public long? TurnedOffAt { get; set; }
    public string? Problem { get; set; }
}
