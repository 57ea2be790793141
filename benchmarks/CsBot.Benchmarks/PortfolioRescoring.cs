using System.Diagnostics;
using CsBot.Application.Evaluation;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.DemoData;

namespace CsBot.Benchmarks;

/// <summary>What one full rescoring pass produced, and how long its parts took.</summary>
public sealed record RescoringResult(int Scored, int RuleHits, int AlertsStarted, int AlertsRefreshed, int AlertsResolved, TimeSpan Scoring, TimeSpan Reconcile)
{
    public TimeSpan Total => Scoring + Reconcile;
}

/// <summary>
/// A large demo portfolio held in memory with a score history per account and the alerts of a first run, and the
/// hourly pass over it: score every active account and evaluate its rules in parallel, then reconcile the hits
/// with the open alerts. This is the pure work of <see cref="RiskEvaluationService"/>, without storage or sending.
/// </summary>
internal sealed class PortfolioRescoring
{
    public const int DefaultAccounts = 100_000;
    public const int HistoryDays = 30;

    private readonly PortfolioScoring _scoring = new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
    private readonly IReadOnlyList<AccountSignals> _signals;
    private readonly ScorePoint[][] _histories;
    private IReadOnlyList<Alert> _open = [];

    private PortfolioRescoring(IReadOnlyList<AccountSignals> signals, ScorePoint[][] histories)
    {
        _signals = signals;
        _histories = histories;
    }

    public DateOnly Today { get; } = DateOnly.FromDateTime(AskSetup.Now.UtcDateTime);
    public int Accounts => _signals.Count;
    public long UsageRows { get; private init; }
    public TimeSpan GenerateTook { get; private init; }
    public TimeSpan HistoryTook { get; private init; }

    public static PortfolioRescoring Create(int accountCount = DefaultAccounts)
    {
        var today = DateOnly.FromDateTime(AskSetup.Now.UtcDateTime);
        var watch = Stopwatch.StartNew();
        var signals = DemoPortfolio.Generate(today, accountCount);
        var generated = watch.Elapsed;

        watch.Restart();
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        var histories = new ScorePoint[signals.Count][];
        Parallel.For(0, signals.Count, i => histories[i] = scoring.Backfill(signals[i], today, HistoryDays));
        var rescoring = new PortfolioRescoring(signals, histories)
        {
            UsageRows = signals.Sum(s => (long)s.Usage.Length),
            GenerateTook = generated,
            HistoryTook = watch.Elapsed,
        };
        // A first run opens the alerts, so a timed run refreshes and resolves them as an hourly run would.
        var first = rescoring.Run(out var changes);
        rescoring._open = changes.All.Where(a => a.IsOpen).ToList();
        _ = first;
        return rescoring;
    }

    public RescoringResult Run() => Run(out _);

    private RescoringResult Run(out AlertChanges changes)
    {
        var watch = Stopwatch.StartNew();
        var count = _signals.Count;
        var scores = new HealthScore?[count];
        var hits = new IReadOnlyList<RuleHit>?[count];
        var today = Today;
        Parallel.For(0, count, i =>
        {
            var signals = _signals[i];
            if (!signals.Account.IsActiveOn(today)) return;
            (scores[i], hits[i]) = _scoring.Evaluate(signals, _histories[i], today);
        });
        var scoringTook = watch.Elapsed;

        watch.Restart();
        var allHits = new List<RuleHit>();
        var evaluated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (scores[i] is null) continue;
            evaluated.Add(_signals[i].Account.Id);
            allHits.AddRange(hits[i]!);
        }
        changes = AlertReconciler.Reconcile(_open, allHits, evaluated, AskSetup.Now);
        var reconcileTook = watch.Elapsed;
        return new RescoringResult(evaluated.Count, allHits.Count, changes.Started.Count, changes.Refreshed.Count, changes.Resolved.Count, scoringTook, reconcileTook);
    }
}
