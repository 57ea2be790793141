using CsBot.Core.Accounts;

namespace CsBot.Core.Reminders;

/// <summary>
/// Decides which renewal reminders are due today. For each date an account counts down to (its renewal date, and
/// for auto-renewing contracts its notice deadline) the due reminder is the most urgent offset already reached:
/// with offsets 90/60/30/7 and 59 days left that is the 60-day one. So a run that was down on the exact offset day
/// still sends it once on its next run, but a reminder overtaken by a later offset is never sent late, and a
/// reminder already in <c>sent</c> is never sent again. Nothing is due once the date has come.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<PlannedReminder> Plan(IEnumerable<Account> accounts, Func<ReminderKey, bool> alreadySent, DateOnly today, RemindersOptions options)
    {
        var due = new List<PlannedReminder>();
        foreach (var account in accounts)
        {
            // Monthly contracts roll over without a renewal date; churned accounts have nothing left to renew.
            if (account.NextRenewalOn(today) is not { } renewal || account.ContractKind == ContractKind.Monthly || !account.IsActiveOn(today)) continue;

            Add(due, account, renewal, ReminderKind.Renewal, renewal, options.RenewalOffsets, alreadySent, today);
            // A zero notice period puts the deadline on the renewal date itself, which the renewal reminders cover.
            if (account.NoticeDeadlineOn(today) is { } deadline && account.NoticePeriodDays > 0)
                Add(due, account, renewal, ReminderKind.NoticeDeadline, deadline, options.NoticeOffsets, alreadySent, today);
        }
        return due;
    }

    private static void Add(List<PlannedReminder> due, Account account, DateOnly renewal, ReminderKind kind, DateOnly target, IReadOnlyList<int> offsets, Func<ReminderKey, bool> alreadySent, DateOnly today)
    {
        var daysLeft = target.DayNumber - today.DayNumber;
        if (daysLeft < 1) return;
        var reached = offsets.Where(o => o >= daysLeft).DefaultIfEmpty(0).Min();
        if (reached == 0) return;
        var key = new ReminderKey(account.Id, renewal, kind, reached);
        if (!alreadySent(key)) due.Add(new PlannedReminder(key, account, target, daysLeft));
    }
}
