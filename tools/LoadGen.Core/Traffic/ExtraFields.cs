using System.Globalization;
using System.Text;
using CdnPulse.CdnLogs;

namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// Plausible values for the columns CdnPulse does not read (method, user agent, TLS, headers, edge location, …), so
/// lines in the full format are as long and varied as CloudFront's. Drawn from their own random stream: the requests
/// are the same in every format.
/// </summary>
internal sealed class ExtraFields(SeededRandom random)
{
    private const string RequestIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private static readonly WeightedChoice<string> UserAgents = new(
    [
        ("Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/124.0.0.0%20Safari/537.36", 30),
        ("Mozilla/5.0%20(iPhone;%20CPU%20iPhone%20OS%2017_4%20like%20Mac%20OS%20X)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/17.4%20Mobile/15E148%20Safari/604.1", 20),
        ("Mozilla/5.0%20(Linux;%20Android%2014;%20Pixel%208)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/124.0.0.0%20Mobile%20Safari/537.36", 20),
        ("Mozilla/5.0%20(Macintosh;%20Intel%20Mac%20OS%20X%2010_15_7)%20AppleWebKit/605.1.15%20(KHTML,%20like%20Gecko)%20Version/17.4%20Safari/605.1.15", 12),
        ("Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64;%20rv:125.0)%20Gecko/20100101%20Firefox/125.0", 8),
        ("okhttp/4.12.0", 4),
        ("curl/8.5.0", 2),
        ("Googlebot/2.1%20(+http://www.google.com/bot.html)", 2),
        ("AppleCoreMedia/1.0.0.21E236%20(iPhone;%20U;%20CPU%20OS%2017_4%20like%20Mac%20OS%20X;%20en_us)", 2),
    ]);

    private static readonly WeightedChoice<string> ProtocolVersions = new([("HTTP/2.0", 60), ("HTTP/1.1", 25), ("HTTP/3.0", 15)]);
    private static readonly WeightedChoice<string> ApiMethods = new([("GET", 70), ("POST", 20), ("PUT", 5), ("DELETE", 3), ("OPTIONS", 2)]);
    private static readonly string[] Tls13Ciphers = ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"];
    private static readonly string[] Languages = ["en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "ja,en;q=0.8", "pt-BR,pt;q=0.9", "fr-FR,fr;q=0.9"];

    private readonly string?[] _values = new string?[RealtimeLogFields.Canonical.Count];

    /// <summary>The values for this line, indexed by field; null for the fields the line writer fills from the request.</summary>
    public string?[] Draw(in LineFacts facts)
    {
        var request = facts.Request;
        var entry = facts.Entry;
        var outcome = facts.Outcome;
        var method = entry.Class == ContentClass.Api ? ApiMethods.Pick(random) : random.Chance(0.03) ? "HEAD" : "GET";
        var https = outcome.DetailedType != "Redirect" && random.Chance(0.99);
        var tls13 = random.Chance(0.8);
        var userAgent = UserAgents.Pick(random);
        var accept = Accept(entry.Class);
        var acceptEncoding = random.Chance(0.9) ? "gzip,%20deflate,%20br" : "gzip";
        var language = Languages[random.Next(Languages.Length)];
        var (rangeStart, rangeEnd) = outcome.Kind == OutcomeKind.Partial ? Range(facts) : ("-", "-");
        var headers = $"host:{request.Host}%0Auser-agent:{userAgent}%0Aaccept:{accept}%0Aaccept-encoding:{acceptEncoding}%0Aaccept-language:{language}%0A";
        var headerCount = 5;
        if (rangeStart != "-")
        {
            headers += $"range:bytes={rangeStart}-%0A";
            headerCount++;
        }

        Set(RealtimeLogField.CsMethod, method);
        Set(RealtimeLogField.CsProtocol, https ? "https" : "http");
        Set(RealtimeLogField.CsBytes, Number(Math.Round(random.LogNormal(330, 0.3)) + request.UriStem.Length + (method is "POST" or "PUT" ? random.Between(100, 4000) : 0)));
        Set(RealtimeLogField.XEdgeLocation, Pick(Clients.CountryNetwork.EdgeLocations(facts.Client.Country)));
        Set(RealtimeLogField.XEdgeRequestId, RequestId());
        Set(RealtimeLogField.XHostHeader, facts.Domain.DistributionDnsName);
        Set(RealtimeLogField.CsProtocolVersion, ProtocolVersions.Pick(random));
        Set(RealtimeLogField.CIpVersion, facts.Client.IsIPv6 ? "IPv6" : "IPv4");
        Set(RealtimeLogField.CsUserAgent, userAgent);
        Set(RealtimeLogField.CsReferer, Referer(request.Host, entry.Class));
        Set(RealtimeLogField.CsCookie, entry.Class == ContentClass.Api && random.Chance(0.5) ? $"session={RandomText(24)}" : "-");
        Set(RealtimeLogField.CsUriQuery, Query(entry.Class));
        Set(RealtimeLogField.XForwardedFor, random.Chance(0.03) ? $"203.0.113.{random.Between(1, 254)}" : "-");
        Set(RealtimeLogField.SslProtocol, https ? (tls13 ? "TLSv1.3" : "TLSv1.2") : "-");
        Set(RealtimeLogField.SslCipher, https ? (tls13 ? Pick(Tls13Ciphers) : "ECDHE-RSA-AES128-GCM-SHA256") : "-");
        Set(RealtimeLogField.XEdgeResultType, outcome.ResponseType);
        Set(RealtimeLogField.FleEncryptedFields, "-");
        Set(RealtimeLogField.FleStatus, "-");
        Set(RealtimeLogField.ScContentType, outcome.Kind switch
        {
            OutcomeKind.Full or OutcomeKind.Partial => entry.ContentType,
            OutcomeKind.ErrorPage => "text/html",
            _ => "-",
        });
        Set(RealtimeLogField.ScContentLen, outcome.Kind is OutcomeKind.Full or OutcomeKind.Partial ? Number(facts.BodyBytes) : "-");
        Set(RealtimeLogField.ScRangeStart, rangeStart);
        Set(RealtimeLogField.ScRangeEnd, rangeEnd);
        Set(RealtimeLogField.CPort, Number(random.Between(1024, 65535)));
        Set(RealtimeLogField.CsAcceptEncoding, acceptEncoding);
        Set(RealtimeLogField.CsAccept, accept);
        Set(RealtimeLogField.CacheBehaviorPathPattern, BehaviorPattern(entry.Class));
        Set(RealtimeLogField.CsHeaders, headers);
        Set(RealtimeLogField.CsHeaderNames, headerCount == 5
            ? "host%0Auser-agent%0Aaccept%0Aaccept-encoding%0Aaccept-language%0A"
            : "host%0Auser-agent%0Aaccept%0Aaccept-encoding%0Aaccept-language%0Arange%0A");
        Set(RealtimeLogField.CsHeadersCount, Number(headerCount));
        Set(RealtimeLogField.PrimaryDistributionId, facts.Domain.DistributionId);
        Set(RealtimeLogField.PrimaryDistributionDnsName, facts.Domain.DistributionDnsName);
        Set(RealtimeLogField.OriginFbl, facts.OriginMs > 0 ? Seconds(facts.OriginMs * 0.7) : "-");
        Set(RealtimeLogField.OriginLbl, facts.OriginMs > 0 ? Seconds(facts.OriginMs) : "-");
        Set(RealtimeLogField.Asn, Number(facts.Client.Asn));
        return _values;
    }

    private void Set(RealtimeLogField field, string value) => _values[(int)field] = value;

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private (string Start, string End) Range(in LineFacts facts)
    {
        var start = facts.Entry.ObjectBytes > facts.BodyBytes
            ? (long)(random.NextDouble() * (facts.Entry.ObjectBytes - facts.BodyBytes))
            : 0;
        return (Number(start), Number(start + facts.BodyBytes - 1));
    }

    private string RequestId()
    {
        var id = new StringBuilder(56);
        for (var i = 0; i < 54; i++)
        {
            id.Append(RequestIdAlphabet[random.Next(RequestIdAlphabet.Length)]);
        }

        return id.Append("==").ToString();
    }

    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(RequestIdAlphabet[random.Next(52)]);
        }

        return text.ToString();
    }

    private string Referer(string host, ContentClass kind) => kind switch
    {
        ContentClass.Page when random.Chance(0.4) => "https://www.google.com/",
        ContentClass.Page => "-",
        ContentClass.Api or ContentClass.Download => random.Chance(0.5) ? $"https://{host}/" : "-",
        _ => $"https://{host}/",
    };

    private string Query(ContentClass kind) => kind switch
    {
        ContentClass.Api => $"page={random.Between(1, 20)}&limit=20",
        ContentClass.Script or ContentClass.Stylesheet when random.Chance(0.3) => $"v={random.Between(1, 999)}",
        ContentClass.Page when random.Chance(0.1) => $"utm_source=newsletter&utm_campaign=c{random.Between(1, 50)}",
        _ => "-",
    };

    private static string Accept(ContentClass kind) => kind switch
    {
        ContentClass.Page => "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        ContentClass.Image => "image/avif,image/webp,image/apng,*/*;q=0.8",
        ContentClass.Stylesheet => "text/css,*/*;q=0.1",
        ContentClass.Api => "application/json",
        _ => "*/*",
    };

    private static string BehaviorPattern(ContentClass kind) => kind switch
    {
        ContentClass.Api => "/api/*",
        ContentClass.Script or ContentClass.Stylesheet => "/static/*",
        ContentClass.Image => "/images/*",
        ContentClass.Manifest or ContentClass.VideoSegment => "/video/*",
        ContentClass.Download => "/downloads/*",
        _ => "*",
    };

    private static string Number(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Seconds(double milliseconds) => (Math.Round(milliseconds) / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
