using System.Text.Json;

namespace CdnPulse.MetricsQuery.Tests.Contract;

/// <summary>
/// Compares the shape of JSON with an example: the same kinds of values (a string stays a string, an integer stays an
/// integer), the same property names, and every array element shaped like the example's first element.
/// </summary>
internal static class JsonShape
{
    public static void AssertLike(JsonElement example, JsonElement actual, string path = "$")
    {
        Assert.True(Kind(example) == Kind(actual), $"{path}: expected {Kind(example)} like the reference, got {Kind(actual)} ({actual.GetRawText()})");
        switch (example.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = example.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                Assert.True(expectedNames.SequenceEqual(actualNames),
                    $"{path}: properties [{string.Join(", ", actualNames)}], the reference has [{string.Join(", ", expectedNames)}]");
                foreach (var property in example.EnumerateObject())
                {
                    AssertLike(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array when example.GetArrayLength() > 0:
                Assert.True(actual.GetArrayLength() > 0, $"{path}: empty, the test data should fill it");
                var i = 0;
                foreach (var element in actual.EnumerateArray())
                {
                    AssertLike(example[0], element, $"{path}[{i++}]");
                }
                break;
        }
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
