using System.Text.Json;

namespace CdnPulse.EventStore.Tests;

internal static class TestEvents
{
    public static EventData Make(string type, object? payload = null) =>
        new(type, JsonSerializer.SerializeToElement(payload ?? new { type }), EventMetadata.Empty);

    public static EventData[] Many(int count, string prefix = "e") =>
        Enumerable.Range(1, count).Select(i => Make($"{prefix}{i}", new { n = i })).ToArray();
}
