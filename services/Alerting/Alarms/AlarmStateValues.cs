namespace CdnPulse.Alerting.Alarms;

/// <summary>The CloudWatch spelling of each state (OK, ALARM, INSUFFICIENT_DATA), for text and SQL.</summary>
public static class AlarmStateValues
{
    public static string Text(this AlarmStateValue state) => state switch
    {
        AlarmStateValue.Ok => "OK",
        AlarmStateValue.Alarm => "ALARM",
        _ => "INSUFFICIENT_DATA",
    };

    public static bool TryParse(string? text, out AlarmStateValue state)
    {
        foreach (var candidate in Enum.GetValues<AlarmStateValue>())
        {
            if (string.Equals(candidate.Text(), text, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }
        state = AlarmStateValue.InsufficientData;
        return false;
    }

    public static AlarmStateValue Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"'{text}' is not an alarm state.");
}
