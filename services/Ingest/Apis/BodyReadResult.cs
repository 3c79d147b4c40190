namespace CdnPulse.Ingest.Apis;

/// <summary>A request body read as JSON: the value, or why not (413 too large, 400 malformed or unsupported encoding).</summary>
internal readonly record struct BodyReadResult<T>(T? Value, int StatusCode, string? Error)
    where T : class
{
    public bool IsOk => Value is not null && Error is null;
}
