using K8Shop.Contracts.Faults;

namespace K8Shop.Faults.Injection;

/// <summary>
/// Where code asks "break this call now?". Every injection point calls one of these with a name from
/// <see cref="FaultNames"/> and a <see cref="FaultScope"/> saying what the call is about (the SKU, the user; the node is
/// added by the injector). Cost with every switch off: one volatile read, no allocation, no await (about 5 ns per call
/// measured on the dev box); with another switch on, a dictionary lookup (about 16 ns); with this one on, the pipeline
/// and the feature evaluation (about 1.5 us).
/// <para>
/// <b>Error</b> faults: <c>await faults.InjectAsync(FaultNames.RedisUnavailable, FaultScope.None, () => new RedisConnectionException(...), ct)</c>
/// throws the exception the factory makes (or a <see cref="FaultInjectedException"/> when the factory is null) when
/// the fault fires, else returns. <b>Latency</b> faults: the same call delays by the switch's <c>latencyMs</c>
/// (cancellable). <b>Outcome</b> faults (or any fault whose effect the caller shapes itself):
/// <c>if (await faults.FiresAsync(FaultNames.PaymentDecline, FaultScope.ForUser(userId), ct)) decline();</c>;
/// <see cref="Fires"/> is the same for synchronous code.
/// </para>
/// <para>
/// A firing is decided by Polly's chaos strategies: enabled when the switch is on for this call (its scope and
/// duration, evaluated by Microsoft.FeatureManagement), injection rate = the switch's probability. Each firing
/// increments <c>k8shop.faults.injected{fault}</c> and adds a <c>fault.injected</c> event to <c>Activity.Current</c>.
/// </para>
/// </summary>
public interface IFaultInjector
{
    /// <summary>True while any switch is on anywhere in the catalog (scope not considered); a free pre-check.</summary>
    bool AnyActive { get; }

    /// <summary>Error or latency fault: throws <paramref name="exception"/>() or delays when <paramref name="fault"/> fires.</summary>
    ValueTask InjectAsync(string fault, FaultScope scope, Func<Exception>? exception = null, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="fault"/> fires for this call (any kind); the caller then does what the fault means.</summary>
    ValueTask<bool> FiresAsync(string fault, FaultScope scope, CancellationToken cancellationToken = default);

    /// <summary><see cref="FiresAsync"/> for synchronous code paths.</summary>
    bool Fires(string fault, FaultScope scope);
}
