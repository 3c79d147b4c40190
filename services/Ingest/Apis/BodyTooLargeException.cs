namespace CdnPulse.Ingest.Apis;

internal sealed class BodyTooLargeException() : IOException("The request body exceeds the configured limit.");
