using CsBot.Core.Accounts;

namespace CsBot.Core.Reminders;

/// <summary>A reminder due today: <paramref name="Target"/> is the renewal date or notice deadline, <paramref name="DaysLeft"/> days ahead.</summary>
public sealed record PlannedReminder(ReminderKey Key, Account Account, DateOnly Target, int DaysLeft);
