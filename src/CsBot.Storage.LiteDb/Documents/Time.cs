namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// Dates and instants as stored. BSON dates keep only milliseconds, so instants are stored as UTC ticks (exact, and
/// they sort in time order) plus the offset in minutes (so the value read back is the value written); days are
/// stored as <see cref="DateOnly.DayNumber"/>.
/// </summary>
internal sealed class InstantDocument
{
    public long UtcTicks { get; set; }
    public int OffsetMinutes { get; set; }

    public static InstantDocument From(DateTimeOffset value) => new() { UtcTicks = value.UtcTicks, OffsetMinutes = (int)value.Offset.TotalMinutes };

    public static InstantDocument? From(DateTimeOffset? value) => value is { } v ? From(v) : null;

    public DateTimeOffset ToDateTimeOffset()
    {
        var offset = TimeSpan.FromMinutes(OffsetMinutes);
        return new DateTimeOffset(UtcTicks + offset.Ticks, offset);
    }
}

internal static class Days
{
    public static int From(DateOnly day) => day.DayNumber;

    public static int? From(DateOnly? day) => day?.DayNumber;

    public static DateOnly ToDate(int dayNumber) => DateOnly.FromDayNumber(dayNumber);

    public static DateOnly? ToDate(int? dayNumber) => dayNumber is { } d ? DateOnly.FromDayNumber(d) : null;
}
