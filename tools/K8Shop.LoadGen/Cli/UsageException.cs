namespace K8Shop.LoadGen.Cli;

/// <summary>A command line that cannot run; the message names the option and what it accepts.</summary>
public sealed class UsageException(string message) : Exception(message);
