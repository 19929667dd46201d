namespace K8Shop.LoadGen.Cli;

/// <summary>Either runnable options, a request for help, or the first reason the command line cannot run.</summary>
public sealed record ParseResult(LoadGenOptions? Options, string? Error, bool HelpRequested)
{
    public static ParseResult Help { get; } = new(null, null, true);

    public static ParseResult Valid(LoadGenOptions options) => new(options, null, false);

    public static ParseResult Invalid(string error) => new(null, error, false);
}
