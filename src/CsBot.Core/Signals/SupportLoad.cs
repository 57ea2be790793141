namespace CsBot.Core.Signals;

/// <summary>
/// The tickets open at the end of a day, counted by severity and weighed by severity and age:
/// low 1, medium 2, high 4, critical 8, each times (1 + whole days open / 30).
/// </summary>
public readonly record struct SupportLoad(
    int Open,
    int Low,
    int Medium,
    int High,
    int Critical,
    int OldestDaysOpen,
    int OldestCriticalDaysOpen,
    double Burden)
{
    /// <summary>The last instant of <paramref name="day"/> in UTC: a ticket open then counts as open that day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);

    public static int SeverityWeight(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Low => 1,
        TicketSeverity.Medium => 2,
        TicketSeverity.High => 4,
        TicketSeverity.Critical => 8,
        _ => 1,
    };

    /// <summary>Whole days between the day a ticket was opened (UTC) and <paramref name="asOf"/>.</summary>
    public static int DaysOpen(SupportTicket ticket, DateOnly asOf) =>
        Math.Max(0, asOf.DayNumber - DateOnly.FromDateTime(ticket.Opened.UtcDateTime).DayNumber);

    /// <summary>One open ticket's weight on <paramref name="asOf"/>.</summary>
    public static double Weigh(SupportTicket ticket, DateOnly asOf) =>
        SeverityWeight(ticket.Severity) * (1 + DaysOpen(ticket, asOf) / 30.0);

    /// <summary>The tickets open at the end of <paramref name="asOf"/> (UTC) and their combined weight.</summary>
    public static SupportLoad At(IReadOnlyList<SupportTicket> tickets, DateOnly asOf)
    {
        var at = EndOfDay(asOf);
        int open = 0, low = 0, medium = 0, high = 0, critical = 0, oldest = 0, oldestCritical = 0;
        double burden = 0;
        for (var i = 0; i < tickets.Count; i++)
        {
            var ticket = tickets[i];
            if (!ticket.IsOpenAt(at)) continue;
            var days = DaysOpen(ticket, asOf);
            open++;
            oldest = Math.Max(oldest, days);
            burden += SeverityWeight(ticket.Severity) * (1 + days / 30.0);
            switch (ticket.Severity)
            {
                case TicketSeverity.Low: low++; break;
                case TicketSeverity.Medium: medium++; break;
                case TicketSeverity.High: high++; break;
                case TicketSeverity.Critical:
                    critical++;
                    oldestCritical = Math.Max(oldestCritical, days);
                    break;
            }
        }
        return new SupportLoad(open, low, medium, high, critical, oldest, oldestCritical, burden);
    }
}
