namespace CdnPulse.EventStore;

/// <summary>
/// What an append expects of its stream: <see cref="Any"/> (no check), <see cref="NoStream"/> (the stream must not
/// exist yet) or an exact version (the stream's last event has that version). Versions start at 1;
/// <c>Exact(0)</c> is the same as <see cref="NoStream"/>.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;

    private ExpectedVersion(long value) => Value = value;

    public static ExpectedVersion Any => new(AnyValue);

    public static ExpectedVersion NoStream => new(0);

    /// <summary>-1 for <see cref="Any"/>, 0 for <see cref="NoStream"/>, otherwise the exact version.</summary>
    public long Value { get; }

    public bool IsAny => Value == AnyValue;

    public bool IsNoStream => Value == 0;

    public static ExpectedVersion Exact(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is 0 (no stream) or more.");

    public override string ToString() => Value switch
    {
        AnyValue => "any version",
        0 => "no stream",
        _ => $"version {Value}",
    };
}
