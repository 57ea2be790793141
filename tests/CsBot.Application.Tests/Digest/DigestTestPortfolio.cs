using CsBot.Application.Digest;
using CsBot.Application.ReadModel;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Digest;

/// <summary>
/// Eight accounts with a known score now and a week ago (held since 12 weeks back), known renewals, revenue
/// movements in May and June 2026 and NPS answers, so every number in the digest can be worked out by hand.
/// </summary>
internal static class DigestTestPortfolio
{
    public static readonly DateOnly Today = new(2026, 7, 15);
    public static readonly DateTimeOffset Now = new(2026, 7, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly LongAgo = new(2025, 1, 1);

    // Id, segment, MRR, score a week ago, score now, renewal in days (null: monthly).
    private static readonly (string Id, string Segment, decimal Mrr, int Before, int Now, int? RenewsIn)[] Rows =
    [
        ("a", "Enterprise", 10_000m, 80, 45, 10),
        ("b", "Enterprise", 5_000m, 50, 30, 45),
        ("c", "SMB", 1_000m, 75, 75, 75),
        ("d", "SMB", 2_000m, 90, 85, 120),
        ("e", "SMB", 500m, 55, 60, null),
        ("f", "SMB", 3_000m, 72, 60, 30),
        ("g", "SMB", 1_500m, 50, 48, 31),
        ("h", "SMB", 4_000m, 75, 74, 200),
    ];

    /// <summary>Each row's daily scores as a store holds them.</summary>
    public static Dictionary<string, ScorePoint[]> Histories() => Rows.ToDictionary(r => r.Id, r => History(r.Before, r.Now));

    public static DigestData Data(string? segment = null) => new()
    {
        Portfolio = [.. Rows.Select(Signals)],
        Scores = Rows.ToDictionary(r => r.Id, r => Score(r.Id, r.Now)),
        Histories = PackedScoreHistory.All(Histories()),
        OpenAlerts =
        [
            Alert("b", "health-critical", Severity.High, "health 30 is below 40", Now.AddDays(-2)),
            Alert("a", "usage-cliff", Severity.High, "active users down 62% (48 -> 18) vs 28-day baseline", Now.AddDays(-20)),
        ],
        Today = Today,
        Now = Now,
        Segment = segment,
    };

    private static AccountSignals Signals((string Id, string Segment, decimal Mrr, int Before, int Now, int? RenewsIn) row)
    {
        var revenue = new List<RevenueEvent>();
        var surveys = new List<SurveyResponse>();
        switch (row.Id)
        {
            case "a":
                revenue.Add(new RevenueEvent("a-new", "a", RevenueEventKind.New, 10_000m, LongAgo));
                // June: +1,000 MRR on a start of 27,000 makes NRR 103.7%.
                revenue.Add(new RevenueEvent("a-exp", "a", RevenueEventKind.Expansion, 1_000m, new DateOnly(2026, 6, 10)));
                surveys.Add(new SurveyResponse("a-s1", "a", SurveyKind.Nps, 9, new DateOnly(2026, 6, 3)));
                surveys.Add(new SurveyResponse("a-s2", "a", SurveyKind.Nps, 10, new DateOnly(2026, 6, 4)));
                break;
            case "d":
                // May: -500 MRR on a start of 27,500 makes GRR and NRR 98.2%.
                revenue.Add(new RevenueEvent("d-new", "d", RevenueEventKind.New, 2_500m, LongAgo));
                revenue.Add(new RevenueEvent("d-con", "d", RevenueEventKind.Contraction, -500m, new DateOnly(2026, 5, 10)));
                surveys.Add(new SurveyResponse("d-s1", "d", SurveyKind.Nps, 2, new DateOnly(2026, 5, 12)));
                break;
            default:
                revenue.Add(new RevenueEvent(row.Id + "-new", row.Id, RevenueEventKind.New, row.Mrr, LongAgo));
                break;
        }
        if (row.Id == "b") surveys.Add(new SurveyResponse("b-s1", "b", SurveyKind.Nps, 3, new DateOnly(2026, 6, 20)));
        if (row.Id == "c")
        {
            surveys.Add(new SurveyResponse("c-s1", "c", SurveyKind.Nps, 8, new DateOnly(2026, 6, 21)));
            surveys.Add(new SurveyResponse("c-s2", "c", SurveyKind.Nps, 9, new DateOnly(2026, 5, 21)));
        }

        return new AccountSignals
        {
            Account = new Account
            {
                Id = row.Id,
                ExternalId = "crm-" + row.Id,
                Name = "Account " + row.Id.ToUpperInvariant(),
                Segment = row.Segment,
                Mrr = row.Mrr,
                ContractKind = row.RenewsIn is null ? ContractKind.Monthly : ContractKind.Annual,
                StartDate = LongAgo,
                RenewalDate = row.RenewsIn is { } days ? Today.AddDays(days) : null,
                Owner = new Person("Olivia Owner", "olivia@example.com"),
            },
            RevenueEvents = revenue,
            Surveys = surveys,
        };
    }

    private static HealthScore Score(string id, int score) => new()
    {
        AccountId = id,
        AsOf = Today,
        Score = score,
        Band = new ScoringOptions().BandFor(score),
        Components =
        [
            new ComponentScore(HealthComponentKind.UsageTrend, 0, 80, 20, 16, $"usage of {id} steady"),
            new ComponentScore(HealthComponentKind.SeatUtilization, 20, score / 2.0, 20, 5, $"seat utilisation of {id} at 20%"),
        ],
    };

    /// <summary>Daily points from 84 days ago to yesterday: the old score up to a week ago, the new one since.</summary>
    private static ScorePoint[] History(int before, int now) =>
        [.. Enumerable.Range(1, 84).Reverse().Select(daysAgo => new ScorePoint(Today.AddDays(-daysAgo), daysAgo >= 7 ? before : now))];

    private static Alert Alert(string account, string rule, Severity severity, string reason, DateTimeOffset firstFired) => new()
    {
        Id = CsBot.Core.Alerts.Alert.KeyFor(account, rule),
        AccountId = account,
        RuleId = rule,
        Severity = severity,
        State = AlertState.Notified,
        Reason = reason,
        FirstFiredAt = firstFired,
        LastEvaluatedAt = Now,
    };
}
