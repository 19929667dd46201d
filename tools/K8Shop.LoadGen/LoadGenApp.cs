using K8Shop.LoadGen.Cli;
using K8Shop.LoadGen.Reporting;
using K8Shop.LoadGen.Running;
using K8Shop.LoadGen.Scenarios;

namespace K8Shop.LoadGen;

/// <summary>The command line: parse, announce, run, report, and turn the outcome into an exit code.</summary>
public static class LoadGenApp
{
    public const int ExitPassed = 0;
    public const int ExitInvariantFailed = 1;
    public const int ExitBadArguments = 2;
    public const int ExitSetupFailed = 3;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter diagnostics, bool progressInPlace, CancellationToken stop)
    {
        var parsed = ArgumentParser.Parse(args, Environment.GetEnvironmentVariable);
        if (parsed.HelpRequested)
        {
            await output.WriteAsync(Usage.Text);
            return ExitPassed;
        }
        if (parsed.Options is not { } options)
        {
            await diagnostics.WriteLineAsync($"k8shop-loadgen: {parsed.Error}{Environment.NewLine}");
            await diagnostics.WriteAsync(Usage.Text);
            return ExitBadArguments;
        }

        var scenario = ScenarioCatalog.Create(options);
        RunHeader.Write(output, options, scenario);
        LoadReport report;
        try
        {
            report = await new LoadRunner(options, scenario, diagnostics, progressInPlace).RunAsync(stop);
        }
        catch (SetupFailedException failure)
        {
            await diagnostics.WriteLineAsync($"k8shop-loadgen: setup failed: {failure.Message}");
            return ExitSetupFailed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await diagnostics.WriteLineAsync("k8shop-loadgen: interrupted before the load started");
            return ExitSetupFailed;
        }

        TextReport.Write(output, report);
        if (options.JsonPath is { } path)
            await WriteCopyAsync(output, diagnostics, "--json", path, () => JsonReport.WriteAsync(path, report));
        if (options.HtmlPath is { } page)
            await WriteCopyAsync(output, diagnostics, "--html", page, () => HtmlReport.WriteAsync(page, report));
        return report.Passed ? ExitPassed : ExitInvariantFailed;
    }

    private static async Task WriteCopyAsync(TextWriter output, TextWriter diagnostics, string option, string path, Func<Task> write)
    {
        try
        {
            await write();
            await output.WriteLineAsync($"report: {path}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The verdict stands; only the copy is missing.
            await diagnostics.WriteLineAsync($"k8shop-loadgen: could not write {option} {path}: {error.Message}");
        }
    }
}
