using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Digest;
using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Reminders;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Reminders;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Tests.Shared;

/// <summary>
/// A portfolio whose account, owner, manager, respondent and asker names are hostile: chat mentions, disguised links,
/// formatting characters, Markdown links, HTML entities, a right-to-left override, emoji and ZWJ sequences, and a name
/// long enough to be cut in the middle of an emoji. <see cref="AllMessages"/> builds every kind of message CsBot sends
/// from it with the application's own code, so a renderer test can check that none of that data becomes markup.
/// </summary>
public static class HostilePortfolio
{
    public const string Mentions = "<!channel> <!here> <@U123ABC>";
    public const string SlackLink = "<https://evil.example|click>";
    public const string Formatting = "*bold* _it_ ~s~ `tick`";
    public const string MarkdownLink = "[Click me](https://evil.example)";
    public const string Entity = "&amp;";
    public const string RightToLeftOverride = "\u202Egnp.exe";
    /// <summary>One user-perceived character made of seven emoji joined by ZWJs, then a flag (two regional indicators).</summary>
    public const string Family = "👩‍👩‍👧‍👦";
    public const string Flag = "🇬🇧";

    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static readonly Person Owner = new($"Olivia @channel {Mentions} {MarkdownLink} *x* {Family}", "olivia@csbot.example");
    public static readonly Person Manager = new($"Manny <!everyone> @here _m_ {SlackLink} {RightToLeftOverride}", "manny@csbot.example");
    public static readonly string Respondent = $"Rita {Mentions} {MarkdownLink} {Formatting} {Entity}";
    /// <summary>Who presses buttons and types "ack": their chat display name is data too.</summary>
    public static readonly Asker Asker = new("U0HOSTILE", $"Hank {Mentions} {MarkdownLink} {Formatting}", "slack", "hank@csbot.example");

    /// <summary>Account names contain "Acme" so "health of acme" has to ask which one was meant; one starts with a quote marker.</summary>
    public static readonly Account Alpha = Account("alpha", $"Acme {Mentions} {Formatting} {Flag}", "alpha", 12_000m, Today.AddDays(20));
    public static readonly Account Bravo = Account("bravo", $"> Acme {MarkdownLink} {SlackLink} {Entity} {RightToLeftOverride}", "bravo", 4_000m, Today.AddDays(45));
    /// <summary>Slack cuts headers at 150 characters: this name puts a ZWJ sequence across that point.</summary>
    public static readonly Account Long = Account("long", "Acme " + new string('L', 130) + string.Concat(Enumerable.Repeat(Family, 12)), "longname", 2_000m, Today.AddDays(80));

    public static IReadOnlyList<Account> Accounts => [Alpha, Bravo, Long];

    private static readonly string Currency = new MetricsOptions().Currency;

    /// <summary>Every hostile fragment, for tests that look for any of them surviving as markup.</summary>
    public static IReadOnlyList<string> Fragments => [Mentions, SlackLink, Formatting, MarkdownLink, Entity, RightToLeftOverride, "<!everyone>", "@here"];

    /// <summary>Every kind of message CsBot sends, each named, built from the hostile portfolio by the application's own code.</summary>
    public static IReadOnlyList<(string Kind, ChatMessage Message)> AllMessages()
    {
        var stores = new InMemoryStores();
        var signals = Accounts.Select(Signals).ToList();
        stores.Save(signals);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        var scores = new Dictionary<string, HealthScore>();
        var alerts = new List<Alert>();
        var histories = new Dictionary<string, ScorePoint[]>();
        foreach (var s in signals)
        {
            var history = scoring.Backfill(s, Today, 35);
            var (score, hits) = scoring.Evaluate(s, history, Today);
            scores[s.Account.Id] = score;
            histories[s.Account.Id] = history;
            alerts.AddRange(hits.Select(h => new Alert
            {
                Id = Alert.KeyFor(h.AccountId, h.RuleId), AccountId = h.AccountId, RuleId = h.RuleId, Severity = h.Severity, State = AlertState.Notified,
                Reason = h.Reason, FirstFiredAt = Now.AddDays(-3), LastEvaluatedAt = Now, NotifiedAt = Now.AddDays(-3), NotifiedSeverity = Severity.Warning,
                CriticalNotifiedAt = Now.AddDays(-2),
            }));
        }
        if (!alerts.Any(a => a.RuleId == "nps-detractor" && a.Reason.Contains("Rita", StringComparison.Ordinal)))
            throw new InvalidOperationException("The hostile respondent no longer reaches an alert reason; the portfolio needs a new detractor.");
        stores.SaveScores(scores.Values);
        stores.SaveHistories(histories);
        stores.Upsert(alerts);

        var clock = new BusinessClock(new FakeTimeProvider(Now), TimeZoneInfo.Utc);
        var view = new PortfolioView(stores, stores, stores, new DataVersions());
        var access = new AccessPolicy(new AccessOptions());
        var actions = new AlertActionService(stores, stores, view, access, clock);
        var ask = new AskService(view, scoring, new MetricsCalculator(new MetricsOptions()), access, clock, NullLogger<AskService>.Instance, actions, NSubstitute.Substitute.For<IDigestSubscriptions>(), new InMemoryConversationContexts().Memory());
        var byId = Accounts.ToDictionary(a => a.Id);
        var firstAlert = alerts.First(a => a.AccountId == Alpha.Id);
        var alertMessage = AlertMessageBuilder.Grouped(alerts, byId, scores.GetValueOrDefault, Currency);

        var messages = new List<(string, ChatMessage)>
        {
            ("health answer", ask.Ask("health of alpha", Asker.Local())),
            ("health answer of a long name", ask.Ask("health of longname", Asker.Local())),
            ("why answer", ask.Ask("why is bravo at risk?", Asker.Local())),
            ("why answer with a respondent", ask.Ask("why is alpha at risk?", Asker.Local())),
            ("at-risk list", ask.Ask("at-risk accounts", Asker.Local())),
            ("poor health list", ask.Ask("accounts in poor health", Asker.Local())),
            ("owner's list", ask.Ask("at risk for Olivia", Asker.Local())),
            ("unknown owner lists the owners", ask.Ask("at risk for Nobody Atall", Asker.Local())),
            ("renewals list", ask.Ask("renewals in the next 90 days", Asker.Local())),
            ("overdue invoices list", ask.Ask("accounts with overdue invoices", Asker.Local())),
            ("movers list", ask.Ask("top movers this week", Asker.Local())),
            ("metric answer", ask.Ask("what was NRR last quarter?", Asker.Local())),
            ("survey metric answer", ask.Ask("NPS this year", Asker.Local())),
            ("did you mean", ask.Ask("health of acme", Asker.Local())),
            ("no such account", ask.Ask("health of acmee", Asker.Local())),
            ("which alert did you mean", ask.Ask("ack acme", Asker.Local())),
            ("help", ask.Ask("help", Asker.Local())),
            ("not understood", ask.Ask("the weather on mars", Asker.Local())),
            ("failure", HelpMessages.Failure()),
            ("no data", HelpMessages.NoData(Bravo)),
            ("refusal", HelpMessages.Refused($"Accounts owned by {Owner.Name} are visible to their owner and to managers only.")),
            ("owner alert", alertMessage),
            ("channel alert reminder", NotificationMessageBuilder.Build(Planned(NotificationKind.Alert, alerts, AlertNotice.Reminder), byId, scores.GetValueOrDefault, Currency)),
            ("severity rose", NotificationMessageBuilder.Build(Planned(NotificationKind.Alert, alerts, AlertNotice.SeverityRose), byId, scores.GetValueOrDefault, Currency)),
            ("escalation", NotificationMessageBuilder.Build(Planned(NotificationKind.Escalation, alerts, AlertNotice.New), byId, scores.GetValueOrDefault, Currency)),
            ("recovered", NotificationMessageBuilder.Build(Planned(NotificationKind.Recovered, alerts, AlertNotice.New), byId, scores.GetValueOrDefault, Currency)),
            ("renewal reminder", Reminder(Alpha, ReminderKind.Renewal, scores, histories, alerts)),
            ("notice-deadline reminder", Reminder(Bravo, ReminderKind.NoticeDeadline, scores, histories, alerts)),
            ("weekly digest", new DigestBuilder(new ScoringOptions(), new MetricsCalculator(new MetricsOptions())).Build(new DigestData
            {
                Portfolio = signals, Scores = scores, Histories = PackedScoreHistory.All(histories), OpenAlerts = alerts, Today = Today, Now = Now,
            })),
        };

        var acknowledged = actions.Apply(ActionKind.Acknowledge, firstAlert.Id, Asker, alertMessage);
        messages.Add(("acknowledged reply", acknowledged.Reply));
        messages.Add(("acknowledged alert, updated in place", acknowledged.UpdatedOriginal!));
        messages.Add(("already acknowledged", actions.Apply(ActionKind.Acknowledge, firstAlert.Id, Asker, alertMessage).Reply));
        messages.Add(("snoozed reply", actions.Apply(ActionKind.Snooze7Days, alerts.First(a => a.AccountId == Bravo.Id).Id, Asker, alertMessage).Reply));
        messages.Add(("acknowledged by text", ask.Ask($"ack longname {alerts.First(a => a.AccountId == Long.Id).RuleId}", Asker)));
        return messages;
    }

    private static PlannedNotification Planned(NotificationKind kind, IReadOnlyList<Alert> alerts, AlertNotice notice) =>
        new(Recipient.Person(Owner.Email, Owner.Name), kind, [.. alerts.Select(a => new NoticedAlert(a, notice))], Now, $"hostile:{kind}:{notice}");

    private static ChatMessage Reminder(Account account, ReminderKind kind, Dictionary<string, HealthScore> scores, Dictionary<string, ScorePoint[]> histories, List<Alert> alerts)
    {
        var renewal = account.RenewalDate!.Value;
        var target = kind == ReminderKind.NoticeDeadline ? renewal.AddDays(-account.NoticePeriodDays) : renewal;
        var reminder = new PlannedReminder(new ReminderKey(account.Id, renewal, kind, 30), account, target, target.DayNumber - Today.DayNumber);
        return ReminderMessageBuilder.Build(reminder, scores[account.Id], histories[account.Id], [.. alerts.Where(a => a.AccountId == account.Id)], Today, Currency);
    }

    private static Account Account(string id, string name, string alias, decimal mrr, DateOnly renewal) => new()
    {
        Id = id, ExternalId = "CRM-" + id, Name = name, Aliases = [alias], Segment = "Enterprise", Owner = Owner, Manager = Manager, Mrr = mrr,
        StartDate = new(2024, 1, 1), RenewalDate = renewal, AutoRenew = true, NoticePeriodDays = 10,
    };

    private static AccountSignals Signals(Account account) => new()
    {
        Account = account,
        // Usage that collapsed in the last week, a detractor from a hostile respondent and an invoice long overdue: enough for several rules to fire.
        Usage = [.. Enumerable.Range(1, 40).Reverse().Select(d => new UsageDay(Today.AddDays(-d), d <= 7 ? 2 : 40, 45, 50, d <= 7 ? 1 : 30, d <= 7 ? 0 : 20))],
        Surveys = [new SurveyResponse(account.Id + "-nps", account.Id, SurveyKind.Nps, 2, Today.AddDays(-5), Respondent)],
        Invoices = [new Invoice(account.Id + "-inv", account.Id, 9_000m, Today.AddDays(-90), Today.AddDays(-60))],
        RevenueEvents =
        [
            new RevenueEvent(account.Id + "-new", account.Id, RevenueEventKind.New, account.Mrr + 1_000m, new(2024, 1, 1)),
            new RevenueEvent(account.Id + "-con", account.Id, RevenueEventKind.Contraction, -1_000m, new(2026, 8, 10)),
        ],
    };
}
