using System.Text.Json;

namespace CdnPulse.MetricsQuery.Tests.Contract;

/// <summary>The reference's response examples (ReferenceExamples.json, built from the reference document, §4 and §5.1).</summary>
internal static class ReferenceExamples
{
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "ReferenceExamples.json"))).RootElement;

    public static JsonElement Envelope => Root.GetProperty("envelope");

    /// <summary>One DetailData point of <paramref name="metric"/> as the reference answers it.</summary>
    public static JsonElement Point(string metric) => Root.GetProperty("metrics").GetProperty(metric);

    /// <summary>What Metric=all expands to, in the reference's order (§4.3).</summary>
    public static IReadOnlyList<string> All => Root.GetProperty("all").EnumerateArray().Select(e => e.GetString()!).ToList();

    public static TheoryData<string> Metrics()
    {
        var data = new TheoryData<string>();
        foreach (var metric in All)
        {
            data.Add(metric);
        }
        return data;
    }
}
