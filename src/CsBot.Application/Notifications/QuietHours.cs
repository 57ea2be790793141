namespace CsBot.Application.Notifications;

/// <summary>
/// Computes when a non-critical message may be delivered: now outside quiet hours, otherwise the next working
/// morning (quiet-hours end) in the recipient's own time zone, skipping weekends when they are quiet.
/// </summary>
public sealed class QuietHours
{
    private readonly QuietHoursOptions _options;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;

    public QuietHours(QuietHoursOptions options)
    {
        _options = options;
        if (!AlertingValidation.TryParseTime(options.Start, out _start) || !AlertingValidation.TryParseTime(options.End, out _end))
            throw new ArgumentException($"Quiet hours must be HH:mm, got '{options.Start}' to '{options.End}'.", nameof(options));
    }

    public DateTimeOffset DeliverAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!_options.Enabled) return now;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var wraps = _start > _end;
        var quietTime = wraps ? time >= _start || time < _end : time >= _start && time < _end;
        if (!quietTime && !IsQuietDay(today)) return now;

        // The evening part of a window that wraps midnight opens tomorrow; every other case opens today (or on the next working day).
        var day = wraps && time >= _start ? today.AddDays(1) : today;
        while (IsQuietDay(day)) day = day.AddDays(1);
        var opening = day.ToDateTime(_end);
        // A morning that falls in a daylight-saving gap opens an hour later, at the first time that exists.
        if (zone.IsInvalidTime(opening)) opening = opening.AddHours(1);
        var result = new DateTimeOffset(opening, zone.GetUtcOffset(opening)).ToUniversalTime();
        return result > now ? result : now;
    }

    private bool IsQuietDay(DateOnly day) => _options.Weekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
