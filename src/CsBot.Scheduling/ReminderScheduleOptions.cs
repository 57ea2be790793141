namespace CsBot.Scheduling;

/// <summary>
/// When the renewal reminders run. Section "Reminders", shared with the Application, which reads the offsets (which
/// days before a date to remind); these keys are when and whether the daily run is scheduled at all.
/// </summary>
public sealed class ReminderScheduleOptions
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; set; } = true;
    /// <summary>Also run a few seconds after startup (after the first risk evaluation has begun), catching up on missed days.</summary>
    public bool RunAtStartup { get; set; } = true;
    /// <summary>Quartz cron (seconds first) for the daily reminder run, read in the Scheduling time zone. Default 08:00 every day.</summary>
    public string Cron { get; set; } = "0 0 8 * * ?";
}
