using CdnPulse.Alerting.Alarms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CdnPulse.Alerting.Apis;

/// <summary>
/// Alarms with CloudWatch's operations and field names: <c>POST /alarms</c> is PutMetricAlarm (create or replace),
/// <c>GET /alarms</c> is DescribeAlarms, <c>GET /alarms/{name}</c> one alarm, <c>DELETE /alarms/{name}</c> DeleteAlarms.
/// </summary>
public static class AlarmsApi
{
    public static RouteGroupBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/alarms").RequireManageAlarms();
        group.MapPost("/", PutMetricAlarmAsync).WithName("PutMetricAlarm");
        group.MapGet("/", DescribeAlarmsAsync).WithName("DescribeAlarms");
        group.MapGet("/{alarmName}", GetAlarmAsync).WithName("GetAlarm");
        group.MapDelete("/{alarmName}", DeleteAlarmAsync).WithName("DeleteAlarm");
        return group;
    }

    internal static async Task<Results<Created<MetricAlarm>, Ok<MetricAlarm>, BadRequest<ApiError>>> PutMetricAlarmAsync(
        HttpRequest request, [AsParameters] AlarmApiServices services, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestBody.ReadAsync(request, cancellationToken);
        if (error is not null || !PutMetricAlarmParser.TryParse(body, out var definition, out error))
        {
            return TypedResults.BadRequest(error);
        }
        var (created, row) = await services.Commands.PutAsync(definition!, cancellationToken);
        var alarm = MetricAlarm.From(row);
        return created ? TypedResults.Created($"/alarms/{Uri.EscapeDataString(alarm.AlarmName)}", alarm) : TypedResults.Ok(alarm);
    }

    internal static async Task<Results<Ok<DescribeAlarmsResponse>, BadRequest<ApiError>>> DescribeAlarmsAsync(
        HttpRequest request, [AsParameters] AlarmApiServices services, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (!QueryParameters.TryMaxRecords(query, 50, 100, out var maxRecords, out var error))
        {
            return TypedResults.BadRequest(error);
        }
        AlarmStateValue? state = null;
        if (QueryParameters.Optional(query, "StateValue") is { } stateText)
        {
            if (!AlarmStateValues.TryParse(stateText, out var parsed))
            {
                return TypedResults.BadRequest(new ApiError("StateValue", "StateValue must be OK, ALARM or INSUFFICIENT_DATA."));
            }
            state = parsed;
        }
        var names = query["AlarmNames"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        var prefix = QueryParameters.Optional(query, "AlarmNamePrefix");
        if (names.Count > 0 && prefix is not null)
        {
            return TypedResults.BadRequest(new ApiError("AlarmNamePrefix", "Give AlarmNames or AlarmNamePrefix, not both."));
        }
        var rows = await services.Alarms.DescribeAsync(new AlarmQuery(names, prefix, state, QueryParameters.Optional(query, "ActionPrefix"),
            maxRecords + 1, QueryParameters.Optional(query, "NextToken")), cancellationToken);
        var page = rows.Take(maxRecords).Select(MetricAlarm.From).ToList();
        return TypedResults.Ok(new DescribeAlarmsResponse(page, rows.Count > maxRecords ? page[^1].AlarmName : null));
    }

    internal static async Task<Results<Ok<MetricAlarm>, NotFound<ApiError>>> GetAlarmAsync(
        string alarmName, [AsParameters] AlarmApiServices services, CancellationToken cancellationToken) =>
        await services.Alarms.GetAsync(alarmName, cancellationToken) is { Deleted: false } row
            ? TypedResults.Ok(MetricAlarm.From(row))
            : TypedResults.NotFound(new ApiError("AlarmName", $"No alarm named '{alarmName}'."));

    internal static async Task<Results<NoContent, NotFound<ApiError>>> DeleteAlarmAsync(
        string alarmName, [AsParameters] AlarmApiServices services, CancellationToken cancellationToken) =>
        await services.Commands.DeleteAsync(alarmName, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ApiError("AlarmName", $"No alarm named '{alarmName}'."));
}
