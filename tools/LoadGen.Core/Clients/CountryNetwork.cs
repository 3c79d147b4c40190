namespace CdnPulse.LoadGen.Clients;

/// <summary>Round-trip times to the nearest edge and the edge locations (x-edge-location) serving each country.</summary>
internal static class CountryNetwork
{
    private static readonly Dictionary<string, (double RttMs, string[] Edges)> Known = new(StringComparer.Ordinal)
    {
        ["US"] = (15, ["IAD89-C1", "JFK50-P2", "LAX3-C4", "ORD52-C1", "DFW56-P1", "SEA19-C3", "ATL56-C2", "SFO53-C1"]),
        ["CA"] = (20, ["YTO50-C1", "YUL62-C2", "YVR52-P1"]),
        ["MX"] = (45, ["QRO51-P1", "MEX50-C1"]),
        ["BR"] = (50, ["GRU3-C1", "GIG51-C1"]),
        ["AR"] = (60, ["EZE50-C1"]),
        ["GB"] = (12, ["LHR61-C2", "MAN50-C1"]),
        ["DE"] = (12, ["FRA56-P1", "MUC50-C1", "BER50-C1"]),
        ["FR"] = (14, ["CDG52-C1", "MRS52-C1"]),
        ["NL"] = (10, ["AMS1-C1", "AMS58-P3"]),
        ["IT"] = (18, ["MXP64-P1", "FCO50-C1"]),
        ["ES"] = (18, ["MAD53-P1", "BCN50-C1"]),
        ["SE"] = (15, ["ARN54-C1"]),
        ["PL"] = (20, ["WAW51-P1"]),
        ["RU"] = (45, ["HEL51-P1", "ARN54-C1"]),
        ["TR"] = (40, ["IST50-P1"]),
        ["IN"] = (55, ["BOM78-P2", "DEL54-C1", "MAA50-C1", "BLR50-C1"]),
        ["CN"] = (70, ["HKG62-C2", "PVG52-P1"]),
        ["JP"] = (15, ["NRT57-P2", "KIX56-P1"]),
        ["KR"] = (15, ["ICN57-C1"]),
        ["SG"] = (12, ["SIN2-P2"]),
        ["HK"] = (15, ["HKG62-C2"]),
        ["ID"] = (50, ["CGK51-C1"]),
        ["VN"] = (50, ["HAN50-C1", "SGN50-C1"]),
        ["AU"] = (20, ["SYD62-P1", "MEL50-C2"]),
        ["ZA"] = (70, ["JNB50-C1", "CPT52-C1"]),
        ["NG"] = (110, ["LOS50-P1"]),
    };

    private static readonly (double, string[]) Elsewhere = (80, ["FRA56-P1", "IAD89-C1"]);

    public static double MedianRttMs(string country) => (Known.TryGetValue(country, out var known) ? known : Elsewhere).Item1;

    public static string[] EdgeLocations(string country) => (Known.TryGetValue(country, out var known) ? known : Elsewhere).Item2;
}
