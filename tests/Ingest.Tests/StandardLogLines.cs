namespace CdnPulse.Ingest.Tests;

/// <summary>CloudFront standard log text in the documented 33-field format.</summary>
internal static class StandardLogLines
{
    public const string Header = """
        #Version: 1.0
        #Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end
        """;

    /// <summary>The example line of the CloudFront Developer Guide (2019-12-04 21:02:31, 392 bytes, /index.html, Hit).</summary>
    public const string DocumentedExample =
        "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\tMozilla/5.0%20(Windows%20NT%2010.0)\t-\t-\tHit\t"
        + "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==\td111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256\t"
        + "Hit\tHTTP/2.0\t-\t-\t11040\t0.001\tHit\ttext/html\t78\t-\t-";

    public static string Line(int number, string ip = "192.0.2.100", string hostHeader = "www.example.com", string status = "200") =>
        $"2026-01-15\t10:{number / 60 % 60:00}:{number % 60:00}\tLAX1\t{1000 + number}\t{ip}\tGET\td111111abcdef8.cloudfront.net\t/std/{number}\t{status}\t-\tcurl\t-\t-\tMiss\t"
        + $"req{number}\t{hostHeader}\thttps\t23\t0.250\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tMiss\tHTTP/2.0\t-\t-\t443\t0.100\tMiss\ttext/html\t{1000 + number}\t-\t-";
}
