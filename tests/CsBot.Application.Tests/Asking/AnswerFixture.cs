using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Asking;

/// <summary>
/// A fixed five-account portfolio on Thursday 2026-11-26 whose numbers are worked out by hand in the tests.
/// Q3 2026 revenue: Big Co 1,000,000 MRR expands 80,000; Mid Co 188,000 contracts 20,000; Small Co 12,000 churns.
/// </summary>
internal sealed class AnswerFixture
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly Person Dana = new("Dana Whitfield", "dana@csbot.example") { ChatIds = OnSlack("U_DANA") };
    public static readonly Person Marcus = new("Marcus Oyelaran", "marcus@csbot.example") { ChatIds = OnSlack("U_MARCUS") };
    public static readonly Person Elena = new("Elena Novak", "elena@csbot.example") { ChatIds = OnSlack("U_ELENA") };

    private static Dictionary<string, string> OnSlack(string userId) => new() { ["slack"] = userId };

    public InMemoryStores Stores { get; } = new();
    public IAlertActions Actions { get; } = NSubstitute.Substitute.For<IAlertActions>();
    public AccessOptions Access { get; } = new();
    public RulesOptions Rules { get; } = new();
    public CsBot.Application.Tests.Digest.InMemoryDigestSubscriptions Subscriptions { get; } = new([]);
    /// <summary>The conversations' last questions, on <see cref="Time"/>.</summary>
    public InMemoryConversationContexts Conversations { get; }
    /// <summary>The clock conversations expire by; starts at 2026-11-26 10:00 UTC.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    public AnswerFixture()
    {
        Conversations = new InMemoryConversationContexts(Time);
        Stores.Save(
        [
            Account("big", "Big Co", "Enterprise", Dana, 1_080_000m, renewal: Today.AddDays(20),
                Rev("big", RevenueEventKind.New, 1_000_000m, new(2025, 1, 1)), Rev("big", RevenueEventKind.Expansion, 80_000m, new(2026, 8, 1))),
            Account("mid", "Mid Co", "Mid-Market", Marcus, 168_000m, renewal: Today.AddDays(50),
                Rev("mid", RevenueEventKind.New, 188_000m, new(2025, 1, 1)), Rev("mid", RevenueEventKind.Contraction, -20_000m, new(2026, 8, 15))),
            Account("small", "Small Co", "SMB", Dana, 0m, renewal: null, churnedOn: new(2026, 9, 10),
                Rev("small", RevenueEventKind.New, 12_000m, new(2025, 1, 1)), Rev("small", RevenueEventKind.Churn, -12_000m, new(2026, 9, 10))),
            Account("late", "Late Payer Ltd", "SMB", Dana, 2_000m, renewal: Today.AddDays(200),
                Rev("late", RevenueEventKind.New, 2_000m, new(2025, 3, 1))) with
            {
                Invoices = [new Invoice("INV-9", "late", 6_000m, new(2026, 9, 1), new(2026, 10, 1))],
            },
            Account("calm", "Calm Corp", "Enterprise", Marcus, 5_000m, renewal: Today.AddDays(120),
                Rev("calm", RevenueEventKind.New, 5_000m, new(2025, 3, 1))),
        ]);
        Stores.SaveScores([Score("big", 35, HealthBand.Poor), Score("mid", 55, HealthBand.Average), Score("late", 62, HealthBand.Average), Score("calm", 88, HealthBand.Good)]);
        Stores.SaveHistories(new Dictionary<string, ScorePoint[]>
        {
            ["big"] = [new(new(2026, 11, 20), 60), new(new(2026, 11, 23), 50)],
            ["mid"] = [new(new(2026, 11, 23), 50)],
            ["calm"] = [new(new(2026, 11, 23), 88)],
        });
        Stores.Upsert([Alert("big", "usage-cliff", Severity.High, "active users down 62% (48 -> 18) vs 28-day baseline"), Alert("big", "renewal-at-risk", Severity.Critical, "renews on 2026-12-16 (20 days) with health 35 (Poor)")]);
    }

    public AskService Service() => Service(Stores, Stores, Stores, new DataVersions());

    /// <summary>A service that shows the churn model's <paramref name="predictions"/> beside the health.</summary>
    public AskService ServiceWith(CsBot.Application.Prediction.ChurnPredictions predictions) => Service(Stores, Stores, Stores, new DataVersions(), predictions: predictions);

    /// <summary>The business clock the answers read "today" from: 2026-11-26 10:00 UTC.</summary>
    public static BusinessClock BusinessClock() => Clock();

    /// <summary>A service whose alert commands reach the real <see cref="AlertActions"/>, writing to <see cref="Stores"/>.</summary>
    public AskService ServiceWithRealActions() => Service(Stores, Stores, Stores, new DataVersions(), AlertActions());

    /// <summary>The real acknowledge and snooze service over <see cref="Stores"/>, with the same <see cref="Access"/>, at 2026-11-26 10:00 UTC.</summary>
    public AlertActionService AlertActions() =>
        new(Stores, Stores, new PortfolioView(Stores, Stores, Stores, new DataVersions()), new AccessPolicy(Access), Clock());

    /// <summary>A service whose read model sees later writes made through the observed stores sharing <paramref name="versions"/>.</summary>
    public AskService ObservedService(DataVersions versions) =>
        Service(new ObservedPortfolioStore(Stores, versions), new ObservedScoreStore(Stores, versions), new ObservedAlertStore(Stores, versions), versions);

    /// <summary>A service answering from <paramref name="view"/> with <paramref name="metrics"/>, for tests that prepare the read model first.</summary>
    public AskService ServiceOn(PortfolioView view, MetricsCalculator metrics)
    {
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(Rules, new MetricsOptions()));
        return new AskService(view, scoring, metrics, new AccessPolicy(Access), Clock(), NullLogger<AskService>.Instance, Actions, Subscriptions, Conversations.Memory());
    }

    private static BusinessClock Clock() => new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);

    private AskService Service(CsBot.Core.Ports.IPortfolioStore portfolio, CsBot.Core.Ports.IScoreStore scores, CsBot.Core.Ports.IAlertStore alerts, DataVersions versions,
        IAlertActions? actions = null, CsBot.Application.Prediction.ChurnPredictions? predictions = null)
    {
        var clock = Clock();
        var view = new PortfolioView(portfolio, scores, alerts, versions);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(Rules, new MetricsOptions()));
        return new AskService(view, scoring, new MetricsCalculator(new MetricsOptions()), new AccessPolicy(Access), clock, NullLogger<AskService>.Instance, actions ?? Actions, Subscriptions, Conversations.Memory(), predictions);
    }

    private static AccountSignals Account(string id, string name, string segment, Person owner, decimal mrr, DateOnly? renewal, params RevenueEvent[] revenue) =>
        Account(id, name, segment, owner, mrr, renewal, null, revenue);

    private static AccountSignals Account(string id, string name, string segment, Person owner, decimal mrr, DateOnly? renewal, DateOnly? churnedOn, params RevenueEvent[] revenue) => new()
    {
        Account = new Account
        {
            Id = id, ExternalId = "CRM-" + id, Name = name, Segment = segment, Owner = owner, Manager = Elena, Mrr = mrr,
            StartDate = new(2025, 1, 1), RenewalDate = renewal, ChurnedOn = churnedOn, AutoRenew = renewal is not null, NoticePeriodDays = 30,
        },
        RevenueEvents = revenue,
    };

    private static RevenueEvent Rev(string account, RevenueEventKind kind, decimal delta, DateOnly date) => new($"{account}-{kind}-{date}", account, kind, delta, date);

    public static HealthScore Score(string account, int score, HealthBand band) => new()
    {
        AccountId = account,
        AsOf = Today,
        Score = score,
        Band = band,
        Components = [new ComponentScore(HealthComponentKind.SeatUtilization, 18, 0, 20, 0, $"seat utilisation {score / 2}% (weakest)")],
    };

    public static Alert Alert(string account, string rule, Severity severity, string reason) => new()
    {
        Id = CsBot.Core.Alerts.Alert.KeyFor(account, rule), AccountId = account, RuleId = rule, Severity = severity, State = AlertState.Notified,
        Reason = reason, FirstFiredAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), LastEvaluatedAt = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
    };
}
