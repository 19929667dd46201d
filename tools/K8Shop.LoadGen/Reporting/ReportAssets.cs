namespace K8Shop.LoadGen.Reporting;

/// <summary>
/// uPlot's minified script and style, embedded at build time from ReportAssets/node_modules (the csproj fails the
/// build with the npm command to run when they are missing), inlined into every HTML report so it opens offline.
/// </summary>
public static class ReportAssets
{
    public const string ScriptResource = "K8Shop.LoadGen.uPlot.js";
    public const string StyleResource = "K8Shop.LoadGen.uPlot.css";

    private static readonly Lazy<string> LazyScript = new(() => Read(ScriptResource, "</script"));
    private static readonly Lazy<string> LazyStyle = new(() => Read(StyleResource, "</style"));

    public static string Script => LazyScript.Value;

    public static string Style => LazyStyle.Value;

    private static string Read(string name, string closingTag)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is not in {typeof(ReportAssets).Assembly.GetName().Name}: build after 'npm ci --prefix tools/K8Shop.LoadGen/ReportAssets'");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // Inlined as is, so it must not close its own element early.
        if (text.Contains(closingTag, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{name} contains '{closingTag}' and cannot be inlined into the report");
        return text;
    }

    /// <summary>The library's own banner line, e.g. "/*! https://github.com/leeoniya/uPlot (v1.6.32) */".</summary>
    public static string ScriptBanner => Script.Split('\n', 2)[0].Trim();
}
