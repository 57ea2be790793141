using CsBot.Core;

namespace CsBot.Application.Notifications;

/// <summary>
/// How alerts are routed and repeated, Alertmanager-style. Section "Alerting". The owner CSM always gets a direct
/// message; alerts of <see cref="ChannelMinimumSeverity"/> or more also go to their segment's team channel; critical
/// alerts nobody acknowledged escalate to the account's manager.
/// </summary>
public sealed class AlertingOptions
{
    public const string SectionName = "Alerting";
    public const string AnySegment = "*";
    public const double DefaultRepeatIntervalDays = 7;

    /// <summary>Days before a still-firing, unacknowledged alert is sent again, per severity name. Missing severities use 7.</summary>
    public Dictionary<string, double> RepeatIntervalDays { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Info"] = DefaultRepeatIntervalDays,
        ["Warning"] = DefaultRepeatIntervalDays,
        ["High"] = DefaultRepeatIntervalDays,
        ["Critical"] = DefaultRepeatIntervalDays,
    };

    /// <summary>Alerts of this severity or more are also posted to the segment's team channel.</summary>
    public Severity ChannelMinimumSeverity { get; set; } = Severity.High;

    /// <summary>Team channel per account segment; "*" is the channel for every other segment. A configured map replaces this one.</summary>
    public Dictionary<string, string> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Enterprise"] = "cs-enterprise",
        ["Mid-Market"] = "cs-midmarket",
        [AnySegment] = "cs-alerts",
    };

    /// <summary>A critical alert not acknowledged (or snoozed) this many hours after the owner was told goes to the account's manager.</summary>
    public double EscalateCriticalAfterHours { get; set; } = 24;

    /// <summary>
    /// A repeat or severity rise of a still-open alert replies in the thread of the message that announced it (and
    /// updates that message) while that message is younger than this; older, a fresh message is posted.
    /// </summary>
    public double ReplyInThreadWithinHours { get; set; } = DefaultReplyInThreadWithinHours;
    public const double DefaultReplyInThreadWithinHours = 168;

    /// <summary>An acknowledged alert still firing this many hours after it was acknowledged reminds whoever did, once per interval.</summary>
    public double AcknowledgedReminderHours { get; set; } = DefaultAcknowledgedReminderHours;
    public const double DefaultAcknowledgedReminderHours = 72;

    public QuietHoursOptions QuietHours { get; set; } = new();

    /// <summary>
    /// The channel, on the platform that notifies, where delivery failures that need a person are posted, grouped
    /// by cause, with a button that retries them. Null or empty: failures are only logged and listed by the outbox API.
    /// </summary>
    public string? AdminChannel { get; set; }

    /// <summary>The admin channel's name without '#', or null when none is configured.</summary>
    public string? AdminChannelName => AdminChannel?.Trim().TrimStart('#').Trim() is { Length: > 0 } name ? name : null;

    /// <summary>The same settings with quiet hours switched off (this object is left as it is).</summary>
    public AlertingOptions WithoutQuietHours() => new()
    {
        RepeatIntervalDays = RepeatIntervalDays,
        ChannelMinimumSeverity = ChannelMinimumSeverity,
        Channels = Channels,
        EscalateCriticalAfterHours = EscalateCriticalAfterHours,
        ReplyInThreadWithinHours = ReplyInThreadWithinHours,
        AcknowledgedReminderHours = AcknowledgedReminderHours,
        AdminChannel = AdminChannel,
        QuietHours = new QuietHoursOptions { Enabled = false, Start = QuietHours.Start, End = QuietHours.End, Weekends = QuietHours.Weekends },
    };

    public TimeSpan RepeatIntervalFor(Severity severity) =>
        TimeSpan.FromDays(RepeatIntervalDays.TryGetValue(severity.ToString(), out var days) ? days : DefaultRepeatIntervalDays);

    /// <summary>The team channel for a segment, falling back to "*"; null when neither is configured.</summary>
    public string? ChannelFor(string segment) =>
        Channels.TryGetValue(segment, out var channel) || Channels.TryGetValue(AnySegment, out channel) ? channel : null;
}

/// <summary>
/// When non-critical messages wait, in each recipient's own time zone: from <see cref="Start"/> to <see cref="End"/>
/// (wrapping midnight when Start is later than End) and, with <see cref="Weekends"/>, all of Saturday and Sunday.
/// </summary>
public sealed class QuietHoursOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>"HH:mm", 24-hour clock.</summary>
    public string Start { get; set; } = "20:00";
    /// <summary>"HH:mm"; held messages are delivered at this time of the next working day.</summary>
    public string End { get; set; } = "08:00";
    public bool Weekends { get; set; } = true;
}
