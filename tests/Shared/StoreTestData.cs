using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Tests.Shared;

/// <summary>Builds test data by hand for the store tests (LiteDB and the contract suite, so every store is fed the same values); the demo data generator is not used so these tests do not depend on it.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2026, 3, 15);

    /// <summary>An instant with sub-millisecond ticks and a non-UTC offset, to catch precision or offset loss.</summary>
    public static DateTimeOffset Instant(int daysAgo, int offsetHours = 2) =>
        new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 30, 15)), TimeSpan.FromHours(offsetHours)).AddTicks(1_234_567);

    public static Account FullAccount(string id = "acc-001") => new()
    {
        Id = id,
        ExternalId = "crm-" + id,
        Name = "Acme Logistics " + id,
        Aliases = ["Acme", "ACME Corp", " padded "],
        Domain = "acme.example",
        Segment = "Enterprise",
        Plan = "Premium",
        Mrr = 12_345.67m,
        ContractKind = ContractKind.MultiYear,
        StartDate = new DateOnly(2023, 1, 31),
        RenewalDate = new DateOnly(2026, 4, 30),
        ContractTermMonths = 36,
        AutoRenew = true,
        NoticePeriodDays = 60,
        Owner = new Person("Olivia Owner", "olivia@csbot.example") { ChatIds = new Dictionary<string, string> { ["slack"] = "U123", ["teams"] = "29:teams-olivia" } },
        Manager = new Person("Max Manager", "max@csbot.example"),
        ChurnedOn = new DateOnly(2026, 5, 1),
    };

    /// <summary>An account with every optional member left at its default: nulls, empty aliases, empty plan.</summary>
    public static Account MinimalAccount(string id = "acc-min") => new()
    {
        Id = id,
        ExternalId = "crm-" + id,
        Name = "Minimal " + id,
        Owner = new Person("Sam Solo", "sam@csbot.example"),
    };

    public static UsageDay[] Usage(int days, int seed = 1)
    {
        var usage = new UsageDay[days];
        var first = Today.AddDays(-days + 1);
        for (var i = 0; i < days; i++)
        {
            usage[i] = new UsageDay(first.AddDays(i), 10 + (i * seed) % 17, 40 + seed, 50, 20 + i % 5, i * seed % 7 == 0 ? 0 : -1 + i);
        }
        return usage;
    }

    public static AccountSignals FullSignals(string id = "acc-001", int usageDays = 180) => new()
    {
        Account = FullAccount(id),
        Usage = Usage(usageDays),
        Tickets =
        [
            new SupportTicket("t-1", id, TicketSeverity.Critical, Instant(10)),
            new SupportTicket("t-2", id, TicketSeverity.Low, Instant(40, offsetHours: -5), Instant(38, offsetHours: 0)),
            // An item whose account id differs from the document's must keep it.
            new SupportTicket("t-3", "acc-merged-away", TicketSeverity.Medium, Instant(5)),
        ],
        Surveys =
        [
            new SurveyResponse("s-1", id, SurveyKind.Nps, 3, Today.AddDays(-3), "buyer@acme.example"),
            new SurveyResponse("s-2", id, SurveyKind.Csat, 5, Today.AddDays(-30)),
            new SurveyResponse("s-3", id, SurveyKind.Ces, 7, Today.AddDays(-31), ""),
        ],
        Invoices =
        [
            new Invoice("i-1", id, 1_000.10m, Today.AddDays(-60), Today.AddDays(-30)),
            new Invoice("i-2", id, 2_000.99m, Today.AddDays(-90), Today.AddDays(-60), Today.AddDays(-58)),
        ],
        RevenueEvents =
        [
            new RevenueEvent("r-1", id, RevenueEventKind.New, 10_000m, new DateOnly(2023, 1, 31)),
            new RevenueEvent("r-2", id, RevenueEventKind.Contraction, -1_234.5m, Today.AddDays(-20)),
        ],
        RenewalOutcomes =
        [
            new RenewalOutcome("o-1", id, new DateOnly(2025, 1, 31), RenewalResult.Renewed, 9_000m, 10_000m),
            new RenewalOutcome("o-2", id, new DateOnly(2026, 1, 31), RenewalResult.Downgraded, 10_000m, 8_765.5m),
        ],
    };

    public static AccountSignals Bare(Account account) => new() { Account = account };

    public static HealthScore Score(string accountId, DateOnly asOf, int score) => new()
    {
        AccountId = accountId,
        AsOf = asOf,
        Score = score,
        Band = score >= 70 ? HealthBand.Good : score >= 40 ? HealthBand.Average : HealthBand.Poor,
        Components =
        [
            new ComponentScore(HealthComponentKind.UsageTrend, -12.5, 53.333333333333336, 20, 13.1, "active users down 12.5% (16 -> 14) vs 28-day baseline"),
            new ComponentScore(HealthComponentKind.SeatUtilization, 42, 36.666666666666664, 20, 9.0, "42% of 50 seats active"),
        ],
        Omitted = [new OmittedComponent(HealthComponentKind.Nps, "no NPS responses in 180 days")],
    };

    public static Alert Alert(string accountId, string ruleId, AlertState state = AlertState.Firing) => new()
    {
        Id = Core.Alerts.Alert.KeyFor(accountId, ruleId),
        AccountId = accountId,
        RuleId = ruleId,
        Severity = Severity.High,
        State = state,
        Reason = "active users down 42% (31 -> 18) vs 28-day baseline",
        FirstFiredAt = Instant(3),
        LastEvaluatedAt = Instant(0, offsetHours: 0),
        ResolvedAt = state == AlertState.Resolved ? Instant(0, offsetHours: -8) : null,
        History =
        [
            new AlertEvent(Instant(3), "fired"),
            new AlertEvent(Instant(2), "notified", Platform: "slack"),
            new AlertEvent(Instant(1, offsetHours: 5), "acknowledged", "olivia@csbot.example", "teams"),
        ],
    };
}
