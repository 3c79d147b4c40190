using System.Text.Json;

namespace CdnPulse.Alerting.Apis;

/// <summary>Reads a JSON body, so that malformed JSON gets the same named 400 as any other mistake.</summary>
internal static class RequestBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<(JsonElement Body, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, new ApiError("body", $"The body must be at most {MaxBytes} bytes."));
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, new ApiError("body", $"The body is not valid JSON: {ex.Message}"));
        }
    }
}
