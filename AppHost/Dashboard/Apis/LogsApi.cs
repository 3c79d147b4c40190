using CdnPulse.Dashboard.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CdnPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/console</c> (output lines of a resource, or of all) and <c>GET /api/logs</c> (structured logs, by
/// resource, minimum severity, text and trace), both newest last, plus the resources each knows.
/// </summary>
internal static class LogsApi
{
    public const int MaxLimit = 5_000;

    public static RouteGroupBuilder MapLogsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/console", ([AsParameters] DashboardServices services, string? resource, string? filter, int? limit) =>
            Console(services, resource, filter, limit));
        api.MapGet("/logs", ([AsParameters] DashboardServices services, string? resource, int? severity, string? filter, string? traceId, int? limit) =>
            Logs(services, new LogQuery(resource, severity ?? 0, filter, traceId, Limit(limit))));
        return api;
    }

    private static Ok<ConsoleResult> Console(DashboardServices services, string? resource, string? filter, int? limit) =>
        TypedResults.Ok(new ConsoleResult(services.Store.Console.Resources(), services.Store.ConsoleLines(resource, filter, Limit(limit))));

    private static Ok<LogsResult> Logs(DashboardServices services, LogQuery query) =>
        TypedResults.Ok(new LogsResult(services.Store.Logs.Resources(), services.Store.FindLogs(query)));

    private static int Limit(int? limit) => Math.Clamp(limit ?? 500, 1, MaxLimit);

    internal sealed record ConsoleResult(IReadOnlyList<string> Resources, IReadOnlyList<ConsoleLine> Lines);

    internal sealed record LogsResult(IReadOnlyList<string> Resources, IReadOnlyList<StoredLog> Logs);
}
