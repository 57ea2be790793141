namespace CsBot.Core.Reminders;

/// <summary>What a reminder counts down to.</summary>
public enum ReminderKind
{
    /// <summary>The contract's renewal date.</summary>
    Renewal,
    /// <summary>The last day the customer can give notice on an auto-renewing contract (<see cref="Accounts.Account.NoticeDeadline"/>).</summary>
    NoticeDeadline,
}
