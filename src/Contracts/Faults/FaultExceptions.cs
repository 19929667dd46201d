using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Faults;

/// <summary>No fault switch has this name (404 on the admin API).</summary>
[GenerateSerializer, Alias("k8shop.faults.UnknownFaultException")]
public sealed class UnknownFaultException : Exception
{
    public UnknownFaultException() : this("?") { }

    public UnknownFaultException(string name) : base($"no fault switch is named '{name}'") => Name = name;

    public UnknownFaultException(string message, Exception inner) : base(message, inner) => Name = "?";

    [Id(0)]
    public string Name { get; init; }
}

/// <summary>A fault setting has a bad value (400 naming the field and the reason); nothing changed.</summary>
[GenerateSerializer, Alias("k8shop.faults.FaultSettingException")]
public sealed class FaultSettingException : FieldRuleException
{
    public FaultSettingException() : this("request", "is invalid") { }

    public FaultSettingException(string field, string reason) : base(field, reason) { }

    public FaultSettingException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// What an error fault throws when its injection point names no exception of its own: the dependency "failed" on
/// purpose. Serializable, so it crosses grain calls like any other failure.
/// </summary>
[GenerateSerializer, Alias("k8shop.faults.FaultInjectedException")]
public sealed class FaultInjectedException : Exception
{
    public FaultInjectedException() : this("?") { }

    public FaultInjectedException(string fault) : base($"fault '{fault}' injected") => Fault = fault;

    public FaultInjectedException(string message, Exception inner) : base(message, inner) => Fault = "?";

    [Id(0)]
    public string Fault { get; init; }
}
