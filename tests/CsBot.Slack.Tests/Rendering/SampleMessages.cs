using CsBot.Application.Asking;
using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;

namespace CsBot.Slack.Tests.Rendering;

/// <summary>The messages CsBot sends, built with the application's own builders where they exist, on fixed data.</summary>
public static class SampleMessages
{
    public static readonly DateOnly Today = new(2026, 3, 16);
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Priya = new("Priya Raman", "priya.raman@csbot.example");

    public static readonly Account Initech = Account("acc-0003", "Initech", 4_200m, Today.AddDays(40));
    public static readonly Account AcmeCorp = Account("acc-0001", "Acme Corp", 12_500m, Today.AddDays(45));
    public static readonly Account AcmeLabs = Account("acc-0002", "Acme Labs", 3_100m, null);

    public static ChatMessage Alert() =>
        AlertMessageBuilder.Grouped([AlertOn(Initech, "usage-cliff", Severity.High, "active users down 62% (48 -> 18) vs 28-day baseline")],
            Accounts(), Scores().GetValueOrDefault, "USD");

    public static ChatMessage GroupedAlert() =>
        AlertMessageBuilder.Grouped(
        [
            AlertOn(Initech, "usage-cliff", Severity.High, "active users down 62% (48 -> 18) vs 28-day baseline"),
            AlertOn(Initech, "renewal-at-risk", Severity.Critical, "renews in 40 days (2026-04-25) with health 34 (Poor)"),
            AlertOn(AcmeLabs, "health-drop", Severity.Warning, "health fell 18 points (71 -> 53) in 30 days"),
        ], Accounts(), Scores().GetValueOrDefault, "USD");

    public static ChatMessage Reminder() => new()
    {
        Title = "Reminder: 2 alerts still open",
        Severity = Severity.Warning,
        FallbackText = "Reminder: Initech usage-cliff (3 days), Acme Labs health-drop (8 days) are still open",
        Sections =
        [
            new MessageSection
            {
                Heading = "Initech: usage-cliff",
                Text = "Open for 3 days and not acknowledged: active users down 62% (48 -> 18) vs 28-day baseline",
                Actions = [new(ActionKind.Acknowledge, "Acknowledge", "acc-0003:usage-cliff", ActionStyle.Primary), new(ActionKind.Snooze1Day, "Snooze 1 day", "acc-0003:usage-cliff")],
            },
            new MessageSection
            {
                Heading = "Acme Labs: health-drop",
                Text = "Snooze ended; open for 8 days: health fell 18 points (71 -> 53) in 30 days",
                Actions = [new(ActionKind.Acknowledge, "Acknowledge", "acc-0002:health-drop", ActionStyle.Primary), new(ActionKind.Snooze7Days, "Snooze 7 days", "acc-0002:health-drop")],
            },
        ],
        Context = ["Reminders go out at 09:00 in your time zone, never during quiet hours."],
    };

    public static ChatMessage Digest() => new()
    {
        Title = "Weekly digest for Priya Raman: 14 accounts, 3 at risk",
        FallbackText = "14 accounts, 3 at risk, $38,000 ARR renewing in 60 days",
        Sections =
        [
            new MessageSection
            {
                Heading = "Portfolio",
                Fields = [new("Accounts", "14"), new("At risk", "3"), new("Average health", "68 (-2 this week)"), new("Renewing in 60 days", "2 ($38,000 ARR)")],
            },
            new MessageSection { Heading = "Biggest movers", Text = "Initech 52 -> 34 (-18)\nAcme Labs 71 -> 53 (-18)\nGlobex 60 -> 72 (+12)" },
            new MessageSection { Heading = "Open alerts", Text = "[Critical] Initech: renewal-at-risk\n[High] Initech: usage-cliff\n[Warning] Acme Labs: health-drop" },
        ],
        Context = ["Week of 2026-03-09 to 2026-03-15", "Scores as of 2026-03-16 09:00 UTC"],
    };

    public static ChatMessage HealthAnswer() => HealthAnswerBuilder.Health(Initech, Scores()[Initech.Id],
        [.. Enumerable.Range(0, 31).Select(i => new ScorePoint(Today.AddDays(-30 + i), 60 - i))],
        [AlertOn(Initech, "usage-cliff", Severity.High, "active users down 62% (48 -> 18) vs 28-day baseline")], Today, "USD");

    public static ChatMessage MetricAnswer() => new()
    {
        Title = "Net revenue retention (NRR): 104.2%",
        FallbackText = "NRR 104.2% for 2026-01-01 to 2026-03-31",
        Sections =
        [
            new MessageSection
            {
                Heading = "(starting MRR + expansion - contraction - churned MRR) / starting MRR",
                Fields = [new("Starting MRR", "$410,000"), new("Expansion", "+$31,500"), new("Contraction", "-$6,200"), new("Churned MRR", "-$8,100"), new("Period", "2026-01-01 to 2026-03-31")],
            },
        ],
        Context = ["All money in USD; 200 active accounts."],
    };

    public static ChatMessage Disambiguation() =>
        HelpMessages.DidYouMean("Acme", [AcmeCorp, AcmeLabs], IntentKind.AccountHealth);

    private static Account Account(string id, string name, decimal mrr, DateOnly? renewal) => new()
    {
        Id = id,
        ExternalId = "CRM-" + id[4..],
        Name = name,
        Mrr = mrr,
        RenewalDate = renewal,
        Segment = "Mid-Market",
        Owner = Priya,
    };

    private static Dictionary<string, Account> Accounts() => new[] { Initech, AcmeCorp, AcmeLabs }.ToDictionary(a => a.Id);

    private static Dictionary<string, HealthScore> Scores() => new()
    {
        [Initech.Id] = Score(Initech, 34, HealthBand.Poor),
        [AcmeCorp.Id] = Score(AcmeCorp, 81, HealthBand.Good),
        [AcmeLabs.Id] = Score(AcmeLabs, 53, HealthBand.Average),
    };

    private static HealthScore Score(Account account, int score, HealthBand band) => new()
    {
        AccountId = account.Id,
        AsOf = Today,
        Score = score,
        Band = band,
        Components =
        [
            new(HealthComponentKind.UsageTrend, -62, 0, 20, 0, "active users down 62% (48 -> 18)"),
            new(HealthComponentKind.SeatUtilization, 30, 33, 20, 6.6, "30% of 60 seats active"),
            new(HealthComponentKind.LoginFrequency, 1.5, 62, 15, 9.3, "1.5 logins per seat per week"),
            new(HealthComponentKind.Nps, 20, 66, 10, 6.6, "NPS 20 from 10 responses"),
        ],
    };

    private static Alert AlertOn(Account account, string rule, Severity severity, string reason) => new()
    {
        Id = CsBot.Core.Alerts.Alert.KeyFor(account.Id, rule),
        AccountId = account.Id,
        RuleId = rule,
        Severity = severity,
        State = AlertState.Firing,
        Reason = reason,
        FirstFiredAt = Now,
        LastEvaluatedAt = Now,
    };
}
