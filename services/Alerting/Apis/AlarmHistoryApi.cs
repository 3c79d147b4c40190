using System.Globalization;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;
using CdnPulse.Alerting.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// DescribeAlarmHistory: <c>GET /alarms/{name}/history</c> for one alarm, <c>GET /alarm-history</c> across alarms
/// (optional AlarmName). Filters HistoryItemType, StartDate, EndDate, ScanBy, MaxRecords and NextToken as in CloudWatch.
/// </summary>
public static class AlarmHistoryApi
{
    public static RouteGroupBuilder MapAlarmHistoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").RequireManageAlarms();
        group.MapGet("/alarms/{alarmName}/history", (string alarmName, HttpRequest request, [AsParameters] AlarmApiServices services, CancellationToken ct) =>
            DescribeAsync(alarmName, request, services, ct)).WithName("DescribeAlarmHistoryOfAlarm");
        group.MapGet("/alarm-history", (HttpRequest request, [AsParameters] AlarmApiServices services, CancellationToken ct) =>
            DescribeAsync(QueryParameters.Optional(request.Query, "AlarmName"), request, services, ct)).WithName("DescribeAlarmHistory");
        return group;
    }

    internal static async Task<Results<Ok<DescribeAlarmHistoryResponse>, BadRequest<ApiError>>> DescribeAsync(
        string? alarmName, HttpRequest request, AlarmApiServices services, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (!QueryParameters.TryMaxRecords(query, 100, 100, out var maxRecords, out var error)
            || !QueryParameters.TryTime(query, "StartDate", out var start, out error)
            || !QueryParameters.TryTime(query, "EndDate", out var end, out error)
            || !QueryParameters.TryLong(query, "NextToken", out var nextToken, out error))
        {
            return TypedResults.BadRequest(error);
        }
        var type = QueryParameters.Optional(query, "HistoryItemType");
        if (type is not (null or AlarmHistoryProjection.ConfigurationUpdate or AlarmHistoryProjection.StateUpdate))
        {
            return TypedResults.BadRequest(new ApiError("HistoryItemType", "HistoryItemType must be ConfigurationUpdate or StateUpdate."));
        }
        var scanBy = QueryParameters.Optional(query, "ScanBy") ?? "TimestampDescending";
        if (scanBy is not ("TimestampDescending" or "TimestampAscending"))
        {
            return TypedResults.BadRequest(new ApiError("ScanBy", "ScanBy must be TimestampDescending or TimestampAscending."));
        }
        var items = await services.History.QueryAsync(new AlarmHistoryQuery(alarmName, type, start, end, scanBy == "TimestampAscending",
            maxRecords + 1, nextToken), cancellationToken);
        var page = items.Take(maxRecords).ToList();
        return TypedResults.Ok(new DescribeAlarmHistoryResponse(
            page.Select(i => new AlarmHistoryEntry(i.AlarmName, "MetricAlarm", CloudWatchFormat.Timestamp(i.Timestamp), i.HistoryItemType,
                i.HistorySummary, i.HistoryData, i.Version)).ToList(),
            items.Count > maxRecords ? page[^1].Position.ToString(CultureInfo.InvariantCulture) : null));
    }
}
