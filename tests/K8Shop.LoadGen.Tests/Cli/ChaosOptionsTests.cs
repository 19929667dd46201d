using K8Shop.LoadGen.Cli;

namespace K8Shop.LoadGen.Tests.Cli;

public sealed class ChaosOptionsTests
{
    private static readonly Func<string, string?> OperatorEnvironment = name => name switch
    {
        ArgumentParser.ClientIdVariable => "loadgen",
        ArgumentParser.ClientSecretVariable => "loadgen-secret",
        ArgumentParser.AdminClientIdVariable => "operator",
        ArgumentParser.AdminClientSecretVariable => "operator-secret",
        _ => null,
    };

    [Fact]
    public void Chaos_IsAFlag_WithTwentySecondsOnTenOff_AndEveryFaultByDefault()
    {
        var options = Parse("--scenario", "checkout", "--chaos", "--duration", "5m").Options!;

        Assert.Equal(new ChaosOptions(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10), null), options.Chaos);
        Assert.Equal("operator", options.AdminClient!.ClientId);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Duration);
    }

    [Fact]
    public void ChaosTimesAndFaults_AreRead()
    {
        var chaos = Parse("--chaos", "--chaos-on", "30s", "--chaos-off=0", "--chaos-faults", "payment-decline, smtp-5xx").Options!.Chaos!;

        Assert.Equal(TimeSpan.FromSeconds(30), chaos.On);
        Assert.Equal(TimeSpan.Zero, chaos.Off);
        Assert.Equal(["payment-decline", "smtp-5xx"], chaos.Faults);
    }

    [Theory]
    [InlineData("--chaos-on needs --chaos", "--chaos-on", "5s")]
    [InlineData("--chaos takes no value", "--chaos=true")]
    [InlineData("whole seconds", "--chaos", "--chaos-on", "1500ms")]
    [InlineData("fault names separated by commas", "--chaos", "--chaos-faults", "a,,b")]
    public void BadChaosOptions_AreRefused(string error, params string[] args) =>
        Assert.Contains(error, Parse(args).Error, StringComparison.Ordinal);

    [Fact]
    public void Chaos_NeedsAnAdminClient()
    {
        var result = ArgumentParser.Parse(["--chaos", "--auth", "open"], _ => null);

        Assert.Null(result.Options);
        Assert.Contains("--chaos needs the operator's client", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHtmlReport_GoesNextToTheJson_UnlessGivenItsOwnPath()
    {
        var directory = Path.GetTempPath();
        var json = Path.Combine(directory, "run.json");

        Assert.Equal(Path.Combine(directory, "run.html"), Parse("--json", json).Options!.HtmlPath);
        Assert.Equal(Path.Combine(directory, "other.html"), Parse("--json", json, "--html", Path.Combine(directory, "other.html")).Options!.HtmlPath);
        Assert.Null(Parse().Options!.HtmlPath);
        Assert.Contains("--html: directory", Parse("--html", "/no/such/directory/x.html").Error, StringComparison.Ordinal);
    }

    private static ParseResult Parse(params string[] args) => ArgumentParser.Parse(args, OperatorEnvironment);
}
