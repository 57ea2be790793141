namespace CsBot.Core.Querying;

/// <summary>How long to snooze an alert: a number of days, or until the account's next renewal.</summary>
public readonly record struct SnoozeDuration(int Days, bool UntilRenewal = false)
{
    public static SnoozeDuration ForDays(int days) => new(days);
    public static SnoozeDuration UntilNextRenewal => new(0, true);

    public override string ToString() => UntilRenewal ? "until renewal" : $"{Days}d";
}
