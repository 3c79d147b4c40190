namespace CdnPulse.Deploy.Wiring;

/// <summary>
/// A reference a <see cref="CdnPulse.Hosting.ServiceDefinition"/> makes to a connection string, parameter or service
/// URL, carried through its string-typed environment as a marker that no real value can contain.
/// </summary>
internal readonly record struct WiredValue(WiredValueKind Kind, string Name)
{
    private const string Prefix = "\u0001cdnpulse-wired:";

    public string Encode() => $"{Prefix}{Kind}:{Name}";

    /// <summary>Decodes a whole-value marker; a marker embedded in a longer value cannot become a secret and throws.</summary>
    public static bool TryDecode(string key, string value, out WiredValue wired)
    {
        wired = default;
        var at = value.IndexOf(Prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var rest = value[(at + Prefix.Length)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (at > 0 || colon < 0 || !Enum.TryParse<WiredValueKind>(rest[..colon], out var kind) || rest.Contains(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{key} embeds a connection string or parameter in a longer value; on AWS each must be a whole value (an ECS secret).");
        }
        wired = new WiredValue(kind, rest[(colon + 1)..]);
        return true;
    }
}
