using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Alerts;

/// <summary>
/// Alerts of one owner told in one run go to the same people with the same history entry, and share one copy of each:
/// a day's first run at 100k accounts marks some 89k new alerts of a few hundred owners, and a list, recipients and an
/// entry of every alert's own were some 30 MB of the plan, at the run's memory peak.
/// </summary>
public sealed class NotificationPlanSharingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_alerts_of_one_owner_and_channel_share_their_recipients_and_history_entry()
    {
        var options = new AlertingOptions();
        var demo = DemoPortfolio.Generate(DateOnly.FromDateTime(Now.UtcDateTime), 120);
        var accounts = demo.ToDictionary(s => s.Account.Id, s => s.Account, StringComparer.Ordinal);
        var started = demo.Select((s, i) => new Alert
        {
            Id = Alert.KeyFor(s.Account.Id, "no-login"), AccountId = s.Account.Id, RuleId = "no-login", Severity = i % 2 == 0 ? Severity.High : Severity.Warning,
            State = AlertState.Firing, Reason = "no login for 17 days", FirstFiredAt = Now, LastEvaluatedAt = Now,
        }).ToList();
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
}
