namespace CsBot.Application.Time;

/// <summary>
/// "Now" and "today" in the business time zone. Scores and rules work on calendar days, and which day it is
/// depends on where the team sits, so every service asks this clock rather than reading the system time.
/// </summary>
public sealed class BusinessClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone => zone;
    public DateTimeOffset Now => time.GetUtcNow();
    public DateOnly Today => TodayIn(zone);

    /// <summary>Today's date in another zone, e.g. where the person asking is.</summary>
    public DateOnly TodayIn(TimeZoneInfo other) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, other).DateTime);
}
