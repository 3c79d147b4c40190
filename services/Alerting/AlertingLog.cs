namespace CdnPulse.Alerting;

internal static partial class AlertingLog
{
    [LoggerMessage(1, LogLevel.Information, "Alarm {AlarmName} changed from {OldState} to {NewState} (version {Version}, {Targets} webhook targets): {Reason}")]
    public static partial void StateChanged(ILogger logger, string alarmName, string oldState, string newState, long version, int targets, string reason);

    [LoggerMessage(2, LogLevel.Warning, "The minute tables did not reach position {Position} within {Wait}; evaluating with what they hold")]
    public static partial void MinutesBehind(ILogger logger, long position, TimeSpan wait);

    [LoggerMessage(3, LogLevel.Error, "Evaluating alarm {AlarmName} failed")]
    public static partial void AlarmFailed(ILogger logger, Exception exception, string alarmName);

    [LoggerMessage(4, LogLevel.Error, "An evaluation pass failed; retrying in {Delay}")]
    public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Alarm {AlarmName} cannot be evaluated: {Problem}")]
    public static partial void NotEvaluable(ILogger logger, string alarmName, string problem);

    [LoggerMessage(6, LogLevel.Information, "Delivered {AlarmName} {NewState} to {Target} (delivery {DeliveryId}, attempt {Attempt}, HTTP {StatusCode})")]
    public static partial void Delivered(ILogger logger, string alarmName, string newState, string target, long deliveryId, int attempt, int statusCode);

    [LoggerMessage(7, LogLevel.Warning, "Delivery {DeliveryId} of {AlarmName} to {Target} failed (attempt {Attempt}): {Error}; next attempt at {NextAttempt:O}")]
    public static partial void DeliveryFailed(ILogger logger, long deliveryId, string alarmName, string target, int attempt, string error, DateTimeOffset nextAttempt);

    [LoggerMessage(8, LogLevel.Error, "Delivery {DeliveryId} of {AlarmName} to {Target} is dead-lettered after {Attempt} attempts: {Error}")]
    public static partial void DeadLettered(ILogger logger, long deliveryId, string alarmName, string target, int attempt, string error);

    [LoggerMessage(9, LogLevel.Error, "An outbox worker step failed; retrying in {Delay}")]
    public static partial void OutboxFailed(ILogger logger, Exception exception, TimeSpan delay);
}
