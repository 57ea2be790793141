using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CsBot.Application.Tests.Alerts;

/// <summary>
/// Two simulated weeks of the demo portfolio through the real evaluation, planner, notifier and action services over
/// a temp LiteDB file, with a fresh CRM snapshot each morning, daily runs at 09:00 UTC (plus hourly re-runs on the
/// first day), and a recording outbox: checks who received what, day by day.
/// </summary>
public sealed class AlertLifecycleEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const int AccountCount = 60;
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero); // a Monday

    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-lifecycle-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test */ }
    }

    [Fact]
    public async Task Two_weeks_of_evaluations_send_each_recipient_the_right_messages()
    {
        using var context = new LiteDbContext(Path.Combine(_folder, "csbot.db"));
        var portfolio = new LiteDbPortfolioStore(context);
        var scores = new LiteDbScoreStore(context);
        var alerts = new LiteDbAlertStore(context);
        var time = new FakeTimeProvider(FirstRun);
        var clock = new BusinessClock(time, TimeZoneInfo.Utc);
        var outbox = new RecordingOutbox();
        var scoring = Evaluation.Evaluations.Scoring();
        var evaluation = Evaluation.Evaluations.Over(portfolio, scores, alerts, outbox, clock);
        var actions = new AlertActionService(alerts, portfolio, new PortfolioView(portfolio, scores, alerts, new DataVersions()), new AccessPolicy(new AccessOptions()), clock);

        var today = clock.Today;
        var demo = DemoPortfolio.Generate(today, AccountCount);
        portfolio.Save([.. demo]);
        scores.SaveHistories(demo.ToDictionary(s => s.Account.Id, s => scoring.Backfill(s, today, 60)));

        var runs = new List<(int Day, DateTimeOffset At, IReadOnlyList<Queued> Queued)>();
        async Task Run(int day, TimeSpan atTime)
        {
            time.SetUtcNow(FirstRun.AddDays(day).Add(atTime));
            // A fresh CRM snapshot each morning, as a nightly import would bring.
            if (atTime == TimeSpan.Zero && day > 0) portfolio.Save([.. DemoPortfolio.Generate(clock.Today, AccountCount)]);
            var before = outbox.Messages.Count;
            await evaluation.RunAsync(CancellationToken.None);
            runs.Add((day, time.GetUtcNow(), outbox.Messages.Skip(before).ToList()));
            foreach (var m in runs[^1].Queued) output.WriteLine($"day {day} {time.GetUtcNow():HH:mm} {m.Key} -> {m.Title}");
        }
        var accounts = portfolio.GetAccounts().ToDictionary(a => a.Id);
        string IdOf(string name, string rule) => accounts.Values.Single(a => a.Name == name).Id + ":" + rule;
        var wayne = IdOf(DemoScenarios.WayneAnalytics, DemoScenarios.RuleIds.CriticalTickets);
        var hooli = IdOf(DemoScenarios.Hooli, DemoScenarios.RuleIds.LowSeatUtilization);

        // Day 0: the first run, then the owners act on two alerts, then two more hourly runs.
        await Run(0, TimeSpan.Zero);
        var priya = new Asker("U-priya", DemoTeam.PriyaRaman.Name, "slack", DemoTeam.PriyaRaman.Email);
        Assert.True(actions.Apply(ActionKind.Acknowledge, wayne, priya).Applied);
        Assert.True(actions.Apply(ActionKind.Snooze1Day, hooli, new Asker("U-dana", DemoTeam.DanaWhitfield.Name, "slack")).Applied);
        await Run(0, TimeSpan.FromHours(1));
        await Run(0, TimeSpan.FromHours(2));
        for (var day = 1; day <= 14; day++) await Run(day, TimeSpan.Zero);

        var day0 = runs[0].Queued;
        var finalAlerts = accounts.Keys.SelectMany(alerts.GetForAccount).ToDictionary(a => a.Id);

        // Day 0: every CSM with at-risk accounts gets exactly one message listing all of their alerts; High+ also go to the segment channel.
        var opened = finalAlerts.Values.SelectMany(a => a.History.Where(e => e.At == FirstRun && e.What.StartsWith("fired")).Select(_ => a)).ToList();
        Assert.Equal(
            opened.Select(a => accounts[a.AccountId].Owner.Email).Distinct().Order(),
            day0.Where(m => m.Outgoing.Recipient.Kind == RecipientKind.User).Select(m => m.To).Order());
        foreach (var message in day0.Where(m => m.Outgoing.Recipient.Kind == RecipientKind.User))
            Assert.Equal(opened.Count(a => accounts[a.AccountId].Owner.Email == message.To), Listed(message));
        foreach (var message in day0.Where(m => m.Outgoing.Recipient.Kind == RecipientKind.Channel))
            Assert.Equal(opened.Count(a => a.Severity >= Severity.High && new AlertingOptions().ChannelFor(accounts[a.AccountId].Segment) == message.To), Listed(message));
        Assert.Contains(day0, m => m.To == DemoTeam.PriyaRaman.Email && Ids(m).Contains(IdOf(DemoScenarios.Initech, DemoScenarios.RuleIds.UsageCliff)));
        Assert.Contains(day0, m => m.To == "cs-midmarket" && Ids(m).Contains(IdOf(DemoScenarios.Initech, DemoScenarios.RuleIds.UsageCliff)));
        Assert.All(day0, m => Assert.Equal(FirstRun, m.DeliverAfter));

        // No run sends anyone two messages of a kind, and the hourly re-runs send nothing.
        Assert.All(runs, r => Assert.Equal(r.Queued.Count, r.Queued.Select(m => m.Key.Split(':')[0] + m.To).Distinct().Count()));
        Assert.Empty(runs[1].Queued);
        Assert.Empty(runs[2].Queued);

        // Day 1: unacknowledged critical alerts escalate to the owner's manager, once; the acknowledged one does not.
        var escalations = runs.SelectMany(r => r.Queued.Where(m => m.IsKind(NotificationKind.Escalation)).Select(m => (r.Day, Message: m))).ToList();
        Assert.All(escalations, e => Assert.Equal(1, e.Day));
        var criticalDay0 = opened.Where(a => a.Severity == Severity.Critical && a.Id != wayne).ToList();
        Assert.NotEmpty(criticalDay0);
        foreach (var alert in criticalDay0)
        {
            var manager = DemoTeam.ManagerOf(accounts[alert.AccountId].Owner).Email;
            Assert.Single(escalations, e => e.Message.To == manager && Ids(e.Message).Contains(alert.Id));
        }
        Assert.DoesNotContain(escalations, e => Ids(e.Message).Contains(wayne));
        Assert.Equal(escalations.Select(e => e.Message.To).Distinct().Order(), criticalDay0.Select(a => DemoTeam.ManagerOf(accounts[a.AccountId].Owner).Email).Distinct().Order());

        // The snoozed alert comes back once its day is over; the acknowledged one never repeats.
        Assert.Contains(runs.Single(r => r.Day == 1).Queued, m => m.To == DemoTeam.DanaWhitfield.Email && Ids(m).Contains(hooli) && Text(m).Contains("Snooze ended"));
        Assert.DoesNotContain(runs.Skip(1).SelectMany(r => r.Queued).Where(m => m.IsKind(NotificationKind.Alert)), m => Ids(m).Contains(wayne));

        // Reminders: none during the first week; on day 7 exactly the day-0 alerts still firing and not acknowledged.
        Assert.DoesNotContain(runs.Where(r => r.Day is >= 1 and <= 6).SelectMany(r => r.Queued), m => Text(m).Contains("Reminder:"));
        var stillFiringFromDay0 = opened.Where(a => a.Id != wayne && a.Id != hooli)
            .Where(a => !finalAlerts[a.Id].History.Any(e => e.At > FirstRun && e.At <= FirstRun.AddDays(7) && e.What.StartsWith("resolved")))
            .Select(a => a.Id).Order().ToList();
        var remindedDay7 = runs.Single(r => r.Day == 7).Queued.Where(m => m.Outgoing.Recipient.Kind == RecipientKind.User)
            .SelectMany(m => m.Outgoing.Message.Sections.Where(s => s.Text!.Contains("Reminder:")).Select(SectionId)).Order().ToList();
        Assert.NotEmpty(stillFiringFromDay0);
        Assert.Equal(stillFiringFromDay0, remindedDay7);
        Assert.Contains(runs.Single(r => r.Day == 8).Queued, m => m.To == DemoTeam.DanaWhitfield.Email && Ids(m).Contains(hooli) && Text(m).Contains("Reminder:"));

        // Every alert that resolved sent one "recovered" note to each person and channel told about it, in that run.
        foreach (var alert in finalAlerts.Values)
        {
            foreach (var resolved in alert.History.Where(e => e.What.StartsWith("recovery sent")))
            {
                var run = runs.Single(r => r.At == resolved.At);
                Assert.Contains(run.Queued, m => m.IsKind(NotificationKind.Recovered) && m.To == accounts[alert.AccountId].Owner.Email && Ids(m).Contains(alert.Id));
            }
        }
        Assert.All(runs.SelectMany(r => r.Queued).Where(m => m.IsKind(NotificationKind.Recovered)), m => Assert.StartsWith(m.Outgoing.Message.Sections.Count == 1 ? "Recovered: " : "", m.Title));
    }

    private static readonly string[] RuleIds = [.. RulesOptions.Defaults().Select(d => d.Id)];

    /// <summary>The alert a section is about: its heading names the rule in words ("Initech: Usage cliff"), the id stays in button data.</summary>
    private static string SectionId(MessageSection section)
    {
        var words = section.Heading![(section.Heading!.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];
        return section.Account!.AccountId + ":" + RuleIds.Single(id => RuleNames.Words(id) == words);
    }

    private static IReadOnlyList<string> Ids(Queued message) => [.. message.Outgoing.Message.Sections.Select(SectionId)];

    private static string Text(Queued message) => string.Join("\n", message.Outgoing.Message.Sections.Select(s => s.Text));

    /// <summary>How many alerts a message covers: its sections plus the "and N more" beyond the cap.</summary>
    private static int Listed(Queued message) =>
        message.Outgoing.Message.Sections.Count + message.Outgoing.Message.Context.Where(c => c.StartsWith("and ")).Sum(c => int.Parse(c.Split(' ')[1]));
}
