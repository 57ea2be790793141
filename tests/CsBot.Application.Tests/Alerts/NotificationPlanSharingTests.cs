using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Alerts;

/// <summary>
/// Alerts of one owner told in one run go to the same people with the same history entry, and share one copy of each:
/// a day's first run at 100k accounts marks some 89k new alerts of a few hundred owners, and a list, recipients and an
/// entry of every alert's own were some 30 MB of the plan, at the run's memory peak. And the plan keeps what it marks
/// on an alert beside the alert as it was: the planner's marked copies with the thread arrangement's announced copies
/// beside them were held whole there too.
/// </summary>
public sealed class NotificationPlanSharingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_alerts_of_one_owner_and_channel_share_their_recipients_and_history_entry()
    {
        var options = new AlertingOptions();
        var (accounts, started) = NewAlerts(120, ["no-login"], (account, _) => account % 2 == 0 ? Severity.High : Severity.Warning);
        var planner = new NotificationPlanner(options, TimeZoneInfo.Utc, new NoRecipientTimeZones());

        var plan = planner.Plan(new AlertChanges(started, [], []), accounts, Now);

        var groups = plan.UpdatedAlerts.GroupBy(a => (accounts[a.AccountId].Owner.Email, Channel: a.Severity >= options.ChannelMinimumSeverity ? options.ChannelFor(accounts[a.AccountId].Segment) : null)).ToList();
        Assert.Contains(groups, g => g.Count() > 1 && g.Key.Channel is not null);
        foreach (var group in groups)
        {
            var first = group.First();
            var owner = accounts[first.AccountId].Owner;
            string[] expected = group.Key.Channel is { } channel ? [owner.Email, channel.TrimStart('#')] : [owner.Email];
            Assert.Equal(expected, first.NotifiedRecipients.Select(r => r.Key));
            Assert.Equal($"notified: {string.Join(", ", first.NotifiedRecipients.Select(r => r.DisplayName))}", first.History[^1].What);
            Assert.All(group, a => Assert.Same(first.NotifiedRecipients, a.NotifiedRecipients));
            Assert.All(group, a => Assert.Same(first.History[^1].What, a.History[^1].What));
        }
    }

    [Fact]
    public void Planning_and_arranging_new_alerts_makes_no_copy_of_them()
    {
        var options = new AlertingOptions();
        var (accounts, started) = NewAlerts(2_000, ["no-login", "usage-drop", "nps-detractor", "payment-overdue", "champion-left"], (_, rule) => (Severity)(rule % 4));
        var planner = new NotificationPlanner(options, TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var threads = new AlertThreads(options);
        Arrange(Plan(planner, started.Take(100).ToList(), accounts));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var plan = Arrange(Plan(planner, started, accounts));
        var perAlert = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)started.Count;

        // With a marked copy and an announced copy of each alert it was 1,460 bytes an alert; with marks 540 (the
        // messages' idempotency keys, groupings and lists, the marks and their dictionary).
        Assert.True(perAlert < 800, $"planning and arranging allocated {perAlert:F0} bytes an alert");
        var stored = plan.UpdatedAlerts;
        Assert.Equal(started.Count, stored.Count);
        Assert.All(stored, a => Assert.Equal(AlertState.Notified, a.State));
        Assert.All(stored, a => Assert.Equal(a.NotifiedRecipients.Select(r => r.Key), a.Announcements.Select(x => x.Recipient.Key)));
        Assert.All(stored, a => Assert.StartsWith("notified: ", a.History[^1].What, StringComparison.Ordinal));

        static NotificationPlan Plan(NotificationPlanner planner, List<Alert> started, Dictionary<string, Core.Accounts.Account> accounts) =>
            planner.Plan(new AlertChanges(started, [], []), accounts, Now);
        NotificationPlan Arrange(NotificationPlan plan) => threads.Arrange(plan, Now);
    }

    /// <summary>A demo portfolio of <paramref name="count"/> accounts and a new firing alert of each of <paramref name="rules"/> on every account.</summary>
    private static (Dictionary<string, Core.Accounts.Account> Accounts, List<Alert> Started) NewAlerts(int count, string[] rules, Func<int, int, Severity> severityOf)
    {
        var demo = DemoPortfolio.Generate(DateOnly.FromDateTime(Now.UtcDateTime), count);
        var started = demo.SelectMany((s, account) => rules.Select((rule, r) => new Alert
        {
            Id = Alert.KeyFor(s.Account.Id, rule), AccountId = s.Account.Id, RuleId = rule, Severity = severityOf(account, r),
            State = AlertState.Firing, Reason = "no login for 17 days", FirstFiredAt = Now, LastEvaluatedAt = Now,
        })).ToList();
        return (demo.ToDictionary(s => s.Account.Id, s => s.Account, StringComparer.Ordinal), started);
    }
}
