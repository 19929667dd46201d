namespace K8Shop.LoadGen.Metrics;

/// <summary>The warmup's figures and the measured ones, kept apart so the report can leave the warmup out.</summary>
public sealed class RunRecorder
{
    public PhaseStats Warmup { get; } = new();

    public PhaseStats Measured { get; } = new();

    public PhaseStats For(bool measured) => measured ? Measured : Warmup;
}
