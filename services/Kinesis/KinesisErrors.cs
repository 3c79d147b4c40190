using System.Text.Json;
using System.Text.RegularExpressions;
using CdnPulse.Kinesis.Wire;

namespace CdnPulse.Kinesis;

/// <summary>Turns a failed response into a <see cref="KinesisException"/>, keeping signing material out of its message.</summary>
internal static partial class KinesisErrors
{
    private const int MaxMessageLength = 500;

    public static async Task<KinesisException> FromResponseAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = TryParse(body);
        var errorType = ShortName(error?.Type) ?? ShortName(HeaderValue(response, "x-amzn-ErrorType")) ?? $"Http{(int)response.StatusCode}";
        // A body that is not a JSON error (a proxy page, kinesalite's XML for a bad request) is still the best clue there is.
        var message = error is not null ? error.Message : body;
        return new KinesisException(operation, errorType, Clean(message), response.StatusCode, HeaderValue(response, "x-amzn-RequestId"));
    }

    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>"com.amazonaws.kinesis.v20131202#ResourceNotFoundException" and "Name:http://…" both become "Name".</summary>
    internal static string? ShortName(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }
        var name = type[(type.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':');
        return (colon >= 0 ? name[..colon] : name).Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }

    /// <summary>Services echo the Authorization header in some errors; an access key id or signature must not reach logs.</summary>
    internal static string? Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }
        var cleaned = SigningMaterial().Replace(message, match => $"{match.Groups["name"].Value}=[redacted]");
        cleaned = AccessKeyId().Replace(cleaned, "[redacted]").Trim();
        return cleaned.Length <= MaxMessageLength ? cleaned : cleaned[..MaxMessageLength] + "…";
    }

    private static ErrorResponse? TryParse(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(body, KinesisJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"(?<name>Credential|Signature|X-Amz-Credential|X-Amz-Signature|X-Amz-Security-Token)=[^,\s&""<]+", RegexOptions.IgnoreCase)]
    private static partial Regex SigningMaterial();

    [GeneratedRegex(@"\b(AKIA|ASIA)[A-Z0-9]{12,}\b")]
    private static partial Regex AccessKeyId();
}
