namespace CsBot.Core.Reminders;

/// <summary>
/// Which renewal reminders the owner CSM gets. Bound from configuration section "Reminders"; when and whether the
/// daily run happens (Enabled, RunAtStartup, Cron in the same section) is the scheduler's setting, not read here.
/// </summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Days before the renewal date to remind. Default 90, 60, 30, 7.</summary>
    public List<int> RenewalOffsetDays { get; set; } = [];
    /// <summary>Days before the notice deadline of auto-renewing contracts to remind. Default 14, 3.</summary>
    public List<int> NoticeOffsetDays { get; set; } = [];

    public static readonly IReadOnlyList<int> DefaultRenewalOffsetDays = [90, 60, 30, 7];
    public static readonly IReadOnlyList<int> DefaultNoticeOffsetDays = [14, 3];

    // Lists bind by appending, so defaults are applied after binding when nothing was configured.
    public IReadOnlyList<int> RenewalOffsets => RenewalOffsetDays.Count > 0 ? RenewalOffsetDays : DefaultRenewalOffsetDays;
    public IReadOnlyList<int> NoticeOffsets => NoticeOffsetDays.Count > 0 ? NoticeOffsetDays : DefaultNoticeOffsetDays;

    /// <summary>Problems with the offsets, each naming its key and the fix.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (key, offsets) in new[] { ("Reminders:RenewalOffsetDays", RenewalOffsets), ("Reminders:NoticeOffsetDays", NoticeOffsets) })
        {
            if (offsets.Any(o => o <= 0))
                yield return $"{key} has {string.Join(", ", offsets.Where(o => o <= 0))}; offsets are days before the date and must be 1 or more.";
            if (offsets.Distinct().Count() != offsets.Count)
                yield return $"{key} lists {string.Join(", ", offsets.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key))} more than once; list each offset once.";
        }
    }
}
