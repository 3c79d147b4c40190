using System.Globalization;
using Constructs;

namespace CdnPulse.Deploy;

/// <summary>
/// Synth-time choices, from CDK context (<c>-c cdnpulse:ingestPath=kinesis</c>). Deploy-time values (certificate, image
/// tag, host name) are CloudFormation parameters instead, so one template serves every environment.
/// </summary>
public sealed record DeploySettings(IngestPath IngestPath, string ImageRepositoryPrefix, string? ImageRegistry, int KinesisShardCount)
{
    public const string IngestPathKey = "cdnpulse:ingestPath";
    public const string ImageRepositoryPrefixKey = "cdnpulse:imageRepositoryPrefix";
    public const string ImageRegistryKey = "cdnpulse:imageRegistry";
    public const string KinesisShardCountKey = "cdnpulse:kinesisShardCount";

    public static DeploySettings Default { get; } = new(IngestPath.Firehose, "cdnpulse", null, 1);

    public static DeploySettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var ingestPath = Read(node, IngestPathKey) switch
        {
            null => Default.IngestPath,
            var value when Enum.TryParse<IngestPath>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            var value => throw new DeploySettingsException($"{IngestPathKey} '{value}' must be 'firehose' or 'kinesis'."),
        };
        var shards = Read(node, KinesisShardCountKey) switch
        {
            null => Default.KinesisShardCount,
            var value when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500 => n,
            var value => throw new DeploySettingsException($"{KinesisShardCountKey} '{value}' must be a whole number from 1 to 500."),
        };
        var prefix = Read(node, ImageRepositoryPrefixKey) ?? Default.ImageRepositoryPrefix;
        return new DeploySettings(ingestPath, prefix.TrimEnd('/'), Read(node, ImageRegistryKey)?.TrimEnd('/'), shards);
    }

    private static string? Read(Node node, string key) =>
        node.TryGetContext(key)?.ToString() is { Length: > 0 } value ? value.Trim() : null;
}
