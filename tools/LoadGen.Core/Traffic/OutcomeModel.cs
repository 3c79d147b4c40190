namespace CdnPulse.LoadGen.Traffic;

/// <summary>
/// Decides how the edge answers a request: refusals and client problems first, then hit or miss by the object's
/// popularity (the long tail misses more), then origin shield, origin errors and origin status codes.
/// </summary>
internal static class OutcomeModel
{
    private static readonly WeightedChoice<CacheOutcome> ClientProblems = new(
    [
        (new("Error", "ClientCommError", 0, OutcomeKind.Aborted), 30),
        (new("Error", "ClientHungUpRequest", 0, OutcomeKind.Aborted), 30),
        (new("Error", "InvalidRequest", 400, OutcomeKind.ErrorPage), 15),
        (new("Error", "InvalidRequestHeader", 400, OutcomeKind.ErrorPage), 5),
        (new("Error", "InvalidRequestMethod", 403, OutcomeKind.ErrorPage), 5),
        (new("Error", "ClientGeoBlocked", 403, OutcomeKind.ErrorPage), 10),
        (new("Error", "InvalidRequestBlocked", 403, OutcomeKind.ErrorPage), 3),
        (new("Error", "InvalidRequestCertificate", 421, OutcomeKind.ErrorPage), 2),
    ]);

    private static readonly WeightedChoice<CacheOutcome> OriginErrors = new(
    [
        (new("Error", "OriginConnectError", 502, OutcomeKind.ErrorPage), 30),
        (new("Error", "OriginReadError", 504, OutcomeKind.ErrorPage), 25),
        (new("Error", "OriginError", 502, OutcomeKind.ErrorPage), 10),
        (new("Error", "OriginInvalidResponseError", 502, OutcomeKind.ErrorPage), 8),
        (new("Error", "OriginDnsError", 502, OutcomeKind.ErrorPage), 5),
        (new("Error", "AbortedOrigin", 502, OutcomeKind.ErrorPage), 5),
        (new("Error", "SlowReaderOriginError", 0, OutcomeKind.Aborted), 5),
        (new("Error", "OriginContentRangeLengthError", 502, OutcomeKind.ErrorPage), 3),
        (new("Error", "OriginWriteError", 502, OutcomeKind.ErrorPage), 3),
        (new("Error", "OriginHeaderTooBigError", 502, OutcomeKind.ErrorPage), 2),
        (new("Error", "OriginZeroSizeObjectError", 502, OutcomeKind.ErrorPage), 2),
    ]);

    private static readonly WeightedChoice<(int Status, OutcomeKind Kind)> ApiStatuses = new(
    [
        ((200, OutcomeKind.Full), 90), ((201, OutcomeKind.Full), 2), ((204, OutcomeKind.HeadersOnly), 2),
        ((400, OutcomeKind.ErrorPage), 2), ((401, OutcomeKind.ErrorPage), 1), ((404, OutcomeKind.ErrorPage), 2),
        ((500, OutcomeKind.ErrorPage), 0.6), ((503, OutcomeKind.ErrorPage), 0.4),
    ]);

    /// <summary>The outcome and how long the origin took (0 when the origin was not asked).</summary>
    public static (CacheOutcome Outcome, double OriginMs) Decide(SeededRandom random, DomainTraffic domain, CatalogEntry entry, int rank)
    {
        var roll = random.NextDouble();
        switch (roll)
        {
            case < 0.002:
                return (new("LimitExceeded", "LimitExceeded", 503, OutcomeKind.HeadersOnly), 0);
            case < 0.0025:
                return (new("CapacityExceeded", "CapacityExceeded", 503, OutcomeKind.HeadersOnly), 0);
            case < 0.0075:
                return (new("Redirect", "Redirect", 301, OutcomeKind.HeadersOnly), 0);
            case < 0.0100:
                return (ClientProblems.Pick(random), 0);
        }

        // 0 for the most popular object, 1 for the least: the head stays cached, the tail is often evicted.
        var tail = Math.Log(rank) / Math.Log(Math.Max(2, domain.Popularity.Ranks));
        var missRate = entry.Cacheable ? domain.BaseMissRate + ((0.5 - domain.BaseMissRate) * Math.Pow(tail, 4)) : 0.97;
        if (!random.Chance(missRate))
        {
            if (CanBeMissing(entry) && random.Chance(0.01))
            {
                return (new("Error", "Error", 404, OutcomeKind.ErrorPage), 0);
            }

            var type = random.Chance(0.03) ? "RefreshHit" : "Hit";
            var (status, kind) = Success(random, entry);
            return (new(type, type, status, kind), type == "RefreshHit" ? OriginMs(random, domain) * 0.5 : 0);
        }

        if (domain.OriginShield && entry.Cacheable && random.Chance(0.4))
        {
            var (status, kind) = Success(random, entry);
            return (new("Miss", "OriginShieldHit", status, kind), random.LogNormal(12, 0.5));
        }

        if (random.Chance(0.015))
        {
            var error = OriginErrors.Pick(random);
            var waited = error.DetailedType switch
            {
                "OriginConnectError" => 10_000 * (0.3 + (0.7 * random.NextDouble())),
                "OriginReadError" => 30_000 * (0.5 + (0.5 * random.NextDouble())),
                "OriginDnsError" => random.LogNormal(80, 0.5),
                _ => OriginMs(random, domain),
            };
            return (error, waited);
        }

        var originMs = OriginMs(random, domain);
        if (entry.Class == ContentClass.Api)
        {
            var (status, kind) = ApiStatuses.Pick(random);
            return (status >= 400 ? new("Error", "Error", status, kind) : new("Miss", "Miss", status, kind), originMs);
        }

        if (CanBeMissing(entry) && random.Chance(0.015))
        {
            return (new("Error", "Error", 404, OutcomeKind.ErrorPage), originMs);
        }

        var (okStatus, okKind) = Success(random, entry);
        return (new("Miss", "Miss", okStatus, okKind), originMs);
    }

    private static bool CanBeMissing(CatalogEntry entry) => entry.Class is ContentClass.Page or ContentClass.Image;

    private static double OriginMs(SeededRandom random, DomainTraffic domain) => random.LogNormal(domain.OriginLatencyMs, 0.8);

    // Players and download managers fetch big objects in ranges; browsers revalidate static assets.
    private static (int Status, OutcomeKind Kind) Success(SeededRandom random, CatalogEntry entry) => entry.Class switch
    {
        ContentClass.VideoSegment or ContentClass.Download when random.Chance(0.3) => (206, OutcomeKind.Partial),
        ContentClass.Page or ContentClass.Script or ContentClass.Stylesheet or ContentClass.Font or ContentClass.Image
            when random.Chance(0.06) => (304, OutcomeKind.HeadersOnly),
        _ => (200, OutcomeKind.Full),
    };
}
