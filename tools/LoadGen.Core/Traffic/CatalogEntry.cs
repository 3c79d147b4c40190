namespace CdnPulse.LoadGen.Traffic;

/// <summary>One object a domain serves: its path, kind, body size in bytes and whether CloudFront may cache it.</summary>
public sealed record CatalogEntry(string Path, ContentClass Class, long ObjectBytes, bool Cacheable, string ContentType);
