using System.Text.RegularExpressions;

namespace CdnPulse.Kinesis;

/// <summary>The name rules the Kinesis API states for streams and shards, checked before a request is sent.</summary>
internal static partial class KinesisNames
{
    public static bool IsValidStreamName(string? name) => name is { Length: >= 1 and <= 128 } && NamePattern().IsMatch(name);

    public static void ThrowIfInvalidStreamName(string? name, string parameterName)
    {
        if (!IsValidStreamName(name))
        {
            throw new ArgumentException($"Stream name '{name}' must be 1-128 characters of letters, digits, '_', '.' or '-'.", parameterName);
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex NamePattern();
}
