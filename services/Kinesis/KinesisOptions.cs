using System.Net;
using System.Text.RegularExpressions;

namespace CdnPulse.Kinesis;

/// <summary>Where the Kinesis Data Streams API is and which stream CdnPulse reads and writes. Binds from the "Kinesis" section.</summary>
public sealed partial class KinesisOptions
{
    public const string SectionName = "Kinesis";
    public const string DefaultRegion = "us-east-1";
    public const string DefaultStreamName = "cloudfront-realtime-logs";

    /// <summary>Endpoint override such as kinesalite's <c>http://127.0.0.1:4567/</c>; null means real AWS for <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = DefaultRegion;

    public string StreamName { get; set; } = DefaultStreamName;

    /// <summary>Every problem with these options, in one list; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ServiceUrl is not null
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{SectionName}:{nameof(ServiceUrl)} '{ServiceUrl}' is not an absolute http(s) URL; leave it empty to use AWS.");
        }
        if (string.IsNullOrWhiteSpace(Region) || !RegionPattern().IsMatch(Region))
        {
            errors.Add($"{SectionName}:{nameof(Region)} '{Region}' is not an AWS region name such as '{DefaultRegion}'.");
        }
        if (!KinesisNames.IsValidStreamName(StreamName))
        {
            errors.Add($"{SectionName}:{nameof(StreamName)} '{StreamName}' must be 1-128 characters of letters, digits, '_', '.' or '-'.");
        }
        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Kinesis options: " + string.Join(" ", errors));
        }
    }

    /// <summary>The URL requests go to: <see cref="ServiceUrl"/> when set, otherwise the regional AWS endpoint.</summary>
    public Uri GetEndpoint() => ServiceUrl is { } url ? new Uri(url, UriKind.Absolute) : new Uri($"https://kinesis.{Region}.amazonaws.com/");

    /// <summary>True when <see cref="ServiceUrl"/> is a loopback address (a local kinesalite rather than AWS).</summary>
    public bool IsLocalEndpoint() =>
        ServiceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
