namespace K8Shop.LoadGen.Running;

/// <summary>The baseline could not be set or read, so a run would prove nothing; the message says which SKU and why.</summary>
public sealed class SetupFailedException(string message) : Exception(message);
