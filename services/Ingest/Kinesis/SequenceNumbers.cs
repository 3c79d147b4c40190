namespace CdnPulse.Ingest.Kinesis;

/// <summary>Kinesis sequence numbers are decimal strings of up to 128 bits without leading zeros: longer means larger.</summary>
internal static class SequenceNumbers
{
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
}
