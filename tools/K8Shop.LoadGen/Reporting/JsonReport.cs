using System.Text.Json;
using System.Text.Json.Serialization;
using K8Shop.LoadGen.Invariants;

namespace K8Shop.LoadGen.Reporting;

/// <summary>The report as snake_case JSON, the same names as the inventory contract.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(LoadReport))]
[JsonSerializable(typeof(SkuInvariants))]
public sealed partial class ReportJsonContext : JsonSerializerContext;

public static class JsonReport
{
    public static async Task WriteAsync(string path, LoadReport report)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, ReportJsonContext.Default.LoadReport);
    }

    public static async Task<LoadReport> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(file, ReportJsonContext.Default.LoadReport)
            ?? throw new JsonException($"{path} holds no report");
    }
}
