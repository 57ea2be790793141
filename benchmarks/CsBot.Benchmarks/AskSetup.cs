using System.Diagnostics;
using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Evaluation;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.DemoData;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Benchmarks;

/// <summary>
/// The demo portfolio loaded, scored and alerted as a running CsBot would have it, with <see cref="AskService"/>
/// wired the way the host wires it (observed stores, one <see cref="PortfolioView"/>) and the view warmed.
/// </summary>
internal sealed class AskSetup
{
    /// <summary>Thursday 2026-11-26, 10:00 UTC: a fixed day so answers, and so timings, are the same every run.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    public const int DefaultAccounts = 10_000;
    public const int HistoryDays = 30;

    private AskSetup(AskService ask, PortfolioView view, DataVersions versions, int accounts, int openAlerts, TimeSpan took)
    {
        Ask = ask;
        View = view;
        Versions = versions;
        Accounts = accounts;
        OpenAlerts = openAlerts;
        Took = took;
    }

    public AskService Ask { get; }
    public PortfolioView View { get; }
    public DataVersions Versions { get; }
    public int Accounts { get; }
    public int OpenAlerts { get; }
    public TimeSpan Took { get; }
    /// <summary>One conversation, so every question is remembered and follow-ups read it back, as in chat.</summary>
    public Asker Asker { get; } = Asker.Local() with { ConversationId = "benchmark" };

    /// <param name="contexts">Where conversation contexts are kept; a temporary LiteDB file when not given.</param>
    public static AskSetup Create(int accountCount = DefaultAccounts, Func<TimeProvider, IConversationContexts>? contexts = null)
    {
        var started = Stopwatch.StartNew();
        var clock = new BusinessClock(new FixedTime(Now), TimeZoneInfo.Utc);
        var today = clock.Today;

        // As CsBotServices: every store behind an observing wrapper, so the view knows when it is stale.
        var versions = new DataVersions();
        var portfolio = new ObservedPortfolioStore(new InMemoryPortfolioStore(), versions);
        var scores = new ObservedScoreStore(new InMemoryScoreStore(), versions);
        var alerts = new ObservedAlertStore(new InMemoryAlertStore(), versions);
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

        // As DemoDataSeeder: the portfolio, then back-filled daily history.
        var demo = DemoPortfolio.Generate(today, accountCount);
        portfolio.Save([.. demo]);
        var histories = new Dictionary<string, ScorePoint[]>(demo.Count, StringComparer.Ordinal);
        var backfilled = new ScorePoint[demo.Count][];
        Parallel.For(0, demo.Count, i => backfilled[i] = scoring.Backfill(demo[i], today, HistoryDays));
        for (var i = 0; i < demo.Count; i++) histories[demo[i].Account.Id] = backfilled[i];
        scores.SaveHistories(histories);

        // As one RiskEvaluationService run: today's scores and the alerts their rule hits open.
        var latest = new List<HealthScore>(demo.Count);
        var hits = new List<RuleHit>();
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signals in demo)
        {
            if (!signals.Account.IsActiveOn(today)) continue;
            var (score, accountHits) = scoring.Evaluate(signals, histories[signals.Account.Id], today);
            latest.Add(score);
            hits.AddRange(accountHits);
            evaluated.Add(signals.Account.Id);
        }
        scores.SaveScores(latest);
        var changes = AlertReconciler.Reconcile(alerts.GetOpen(), hits, evaluated, clock.Now);
        alerts.Upsert(changes.All);

        var view = new PortfolioView(portfolio, scores, alerts, versions);
        var access = new AccessPolicy(new AccessOptions());
        var ask = new AskService(view, scoring, new MetricsCalculator(new MetricsOptions()), access, clock, NullLogger<AskService>.Instance,
            new AlertActionService(alerts, portfolio, view, access, clock), new InMemoryDigestSubscriptions(), Conversations(contexts));
        _ = view.Portfolio;
        _ = view.Scores;
        _ = view.Alerts;
        return new AskSetup(ask, view, versions, demo.Count, changes.Started.Count, started.Elapsed);
    }

    /// <summary>
    /// The conversation memory on a real LiteDB file, as the host keeps it, so the timings include the context's read
    /// and write. The file is a temporary one, deleted when the run ends.
    /// </summary>
    private static ConversationMemory Conversations(Func<TimeProvider, IConversationContexts>? contexts)
    {
        var time = new FixedTime(Now);
        if (contexts is not null) return new ConversationMemory(contexts(time), time, new ConversationOptions(), NullLogger<ConversationMemory>.Instance);
        var folder = Directory.CreateTempSubdirectory("csbot-bench-").FullName;
        var database = new LiteDbContext(Path.Combine(folder, "conversations.db"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            database.Dispose();
            Directory.Delete(folder, recursive: true);
        };
        return new ConversationMemory(new LiteDbConversationContexts(database, time), time, new ConversationOptions(), NullLogger<ConversationMemory>.Instance);
    }

    /// <summary>Asks every question a few times so JIT tiering and lazy caches settle before anything is timed.</summary>
    public void WarmUp(int rounds = 30)
    {
        for (var r = 0; r < rounds; r++)
            foreach (var q in Questions.All)
                Ask.Ask(q.Text, Asker);
    }
}
