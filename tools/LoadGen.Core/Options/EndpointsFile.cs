using System.Text.Json;

namespace CdnPulse.LoadGen.Options;

/// <summary>
/// The addresses and Firehose key of a running CdnPulse, from the <c>.cdnpulse/endpoints.json</c> that <c>./dev run</c>
/// writes: resources.kinesis {url, stream, region}, resources.ingest.url and firehoseAccessKey.
/// </summary>
internal sealed record EndpointsFile(string? KinesisUrl, string? StreamName, string? Region, string? FirehoseUrl, string? AccessKey)
{
    public static EndpointsFile? Read(string option, string path, List<string> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var resources = Property(root, "resources");
            var kinesis = resources is { } r ? Property(r, "kinesis") : null;
            var ingestUrl = resources is { } r2 && Property(r2, "ingest") is { } ingest ? Text(ingest, "url") : null;
            return new EndpointsFile(
                kinesis is { } k ? Text(k, "url") : null,
                kinesis is { } k2 ? Text(k2, "stream") : null,
                kinesis is { } k3 ? Text(k3, "region") : null,
                ingestUrl is null ? null : ingestUrl.TrimEnd('/') + "/firehose",
                Text(root, "firehoseAccessKey"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add($"{option}: cannot read '{path}' ({ex.Message.TrimEnd('.')}). Start the system with ./dev run, which writes .cdnpulse/endpoints.json.");
            return null;
        }
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
