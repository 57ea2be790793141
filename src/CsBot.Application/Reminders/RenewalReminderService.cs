using CsBot.Application.Time;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Reminders;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Reminders;

/// <summary>
/// The daily reminder run: plans the reminders due today, queues each to the owner CSM by direct message and
/// records it as sent. Queued before recorded, keyed by the reminder: a crash in between makes the next run queue
/// it again, which the outbox drops as a duplicate, and then records it.
/// </summary>
public sealed class RenewalReminderService(
    IPortfolioStore portfolio,
    IScoreStore scores,
    IAlertStore alerts,
    IReminderLedger ledger,
    IOutbox outbox,
    BusinessClock clock,
    RemindersOptions options,
    MetricsOptions metrics,
    ILogger<RenewalReminderService> logger)
{
    public int Run()
    {
        var today = clock.Today;
        var due = ReminderPlanner.Plan(portfolio.GetAccounts(), ledger.WasSent, today, options);
        if (due.Count == 0)
        {
            logger.LogInformation("Renewal reminders for {Today}: none due", Format.Date(today));
            return 0;
        }

        var latest = scores.GetAllLatest();
        var histories = scores.GetAllHistories();
        var open = alerts.GetOpen().ToLookup(a => a.AccountId);
        foreach (var reminder in due)
        {
            var id = reminder.Account.Id;
            var message = ReminderMessageBuilder.Build(reminder, latest.GetValueOrDefault(id), histories.GetValueOrDefault(id) ?? [], [.. open[id]], today, metrics.Currency);
            var owner = reminder.Account.Owner;
            var queued = outbox.Enqueue(new OutgoingMessage(Recipient.Person(owner.Email, owner.Name), message, reminder.Key.Id), clock.Now);
            ledger.RecordSent([reminder.Key], clock.Now);
            if (!queued) logger.LogInformation("Reminder {Key} was already queued; recorded it as sent", reminder.Key.Id);
        }
        logger.LogInformation("Renewal reminders for {Today}: {Count} queued", Format.Date(today), due.Count);
        return due.Count;
    }
}
