using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

public sealed partial class DayBoard
{
    private const int RememberedRules = 8;
    private readonly Lock _hitsGate = new();
    private ((string Id, RuleKind Kind, int? Days, DateOnly AsOf) Key, RuleDefinition Rule, RuleEvaluator Rules, RuleHit?[] Hits)[] _hits = [];

    /// <summary>
    /// What one rule finds for every account on the board, as of <paramref name="asOf"/>, aligned with
    /// <see cref="Entries"/> (null where it does not fire): the same check the evaluation runs, so a list of the accounts
    /// one signal flags agrees with the alerts. Worked out on the first list question that needs it and remembered for
    /// the board's life (a day at most), so the portfolio's signals are read once per rule and day, not per question.
    /// An account not scored yet is checked with no score, so rules on the score stay quiet for it, as they do for a
    /// score without data.
    /// </summary>
    public RuleHit?[] RuleHits(RuleDefinition rule, DateOnly asOf, RuleEvaluator rules)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rules);
        var key = (rule.Id, rule.Kind, rule.Days, asOf);
        foreach (var (k, _, _, h) in Volatile.Read(ref _hits))
            if (k == key) return h;
        lock (_hitsGate)
        {
            foreach (var (k, _, _, h) in _hits)
                if (k == key) return h;
            var hits = new RuleHit?[Accounts.Length];
            for (var i = 0; i < hits.Length; i++) hits[i] = Hit(i, rule, asOf, rules);
            Volatile.Write(ref _hits, [(key, rule, rules, hits), .. _hits.Take(RememberedRules - 1)]);
            return hits;
        }
    }

    /// <summary>The rule hits <paramref name="before"/> remembered, with those of the <paramref name="changed"/> entries worked out again.</summary>
    private void CarryRuleHits(DayBoard before, int[] changed)
    {
        var carried = new List<((string, RuleKind, int?, DateOnly) Key, RuleDefinition Rule, RuleEvaluator Rules, RuleHit?[] Hits)>();
        foreach (var (key, rule, rules, hits) in Volatile.Read(ref before._hits))
        {
            var copy = (RuleHit?[])hits.Clone();
            foreach (var i in changed) copy[i] = Hit(i, rule, key.AsOf, rules);
            carried.Add((key, rule, rules, copy));
        }
        _hits = [.. carried];
    }

    private RuleHit? Hit(int i, RuleDefinition rule, DateOnly asOf, RuleEvaluator rules)
    {
        if (Portfolio.SignalsOf(Accounts[i].Id) is not { } signals) return null;
        var score = LatestScores[i] ?? Unscored(Accounts[i].Id, asOf);
        return rules.Evaluate(rule, signals, score, Unpacked(Histories[i]), asOf);
    }

    // One buffer per thread to unpack a history into for a rule's check, so checking every account allocates nothing per account.
    [ThreadStatic] private static ScorePoint[]? t_points;

    private static ReadOnlySpan<ScorePoint> Unpacked(PackedScoreHistory history)
    {
        var count = history.Count;
        var buffer = t_points;
        if (buffer is null || buffer.Length < count) t_points = buffer = new ScorePoint[Math.Max(count, 512)];
        return buffer.AsSpan(0, history.CopyTo(buffer));
    }

    private static HealthScore Unscored(string accountId, DateOnly asOf) =>
        new() { AccountId = accountId, AsOf = asOf, Score = 0, Band = HealthBand.Poor };
}
