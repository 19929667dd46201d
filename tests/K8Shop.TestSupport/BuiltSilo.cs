namespace K8Shop.TestSupport;

/// <summary>The silo executable built next to the tests (src/Silo's output for the same configuration and framework).</summary>
public static class BuiltSilo
{
    public static string DllPath => Path.Combine(OutputDirectory("src/Silo"), "K8Shop.Silo.dll");

    /// <summary>A project's build output (its folder relative to the repository root) for this test's configuration and framework.</summary>
    public static string OutputDirectory(string projectFolder)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "K8Shop.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("K8Shop.sln not found above the test output directory.");
        return Path.Combine(root.FullName, projectFolder, "bin", testOutput.Parent!.Name, testOutput.Name);
    }
}
