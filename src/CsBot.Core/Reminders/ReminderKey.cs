using System.Globalization;

namespace CsBot.Core.Reminders;

/// <summary>
/// Identifies one reminder: the account, the renewal date it belongs to, what it counts down to and how many days
/// before. A renewed contract gets a new renewal date and so a fresh set of reminders. <see cref="Id"/> doubles as
/// the outbox idempotency key, so a retried run can never queue the same reminder twice.
/// </summary>
public sealed record ReminderKey(string AccountId, DateOnly RenewalDate, ReminderKind Kind, int OffsetDays)
{
    public string Id => string.Create(CultureInfo.InvariantCulture, $"reminder:{AccountId}:{RenewalDate:yyyy-MM-dd}:{Kind}:{OffsetDays}");
}
