using System.Text.Json;

namespace CdnPulse.LoadGen.Totals;

/// <summary>Reads and writes the totals file (camelCase JSON, windows ordered by domain, minute, country).</summary>
public static class TotalsFile
{
    public static async Task WriteAsync(string path, TotalsDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(document);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Written next to the target and moved over it, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, document, TotalsJsonContext.Default.TotalsDocument, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<TotalsDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, TotalsJsonContext.Default.TotalsDocument, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no totals.");
    }

    public static string Serialize(TotalsDocument document) => JsonSerializer.Serialize(document, TotalsJsonContext.Default.TotalsDocument);
}
