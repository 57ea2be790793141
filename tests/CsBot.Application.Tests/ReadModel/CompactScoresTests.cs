using CsBot.Application.ReadModel;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// The scores read whole are held compactly (histories packed, breakdown lines shared between accounts): every answer
/// must still see each account's own score, band, breakdown and omissions, in their order, and its whole history.
/// </summary>
public class CompactScoresTests
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    [Fact]
    public void Each_account_keeps_its_own_score_breakdown_omissions_and_history()
    {
        var latest = new Dictionary<string, HealthScore>
        {
            ["a"] = Score("a", 72, [Line(HealthComponentKind.UsageTrend, 80, "usage steady"), Line(HealthComponentKind.SupportBurden, 60, "2 open tickets")], [Left(HealthComponentKind.Nps, "no survey answers in 180 days")]),
            ["b"] = Score("b", 35, [Line(HealthComponentKind.SupportBurden, 60, "2 open tickets"), Line(HealthComponentKind.UsageTrend, 10, "usage down 60%")], [Left(HealthComponentKind.Nps, "no survey answers in 180 days")]),
            ["c"] = Score("c", 50, [], []),
        };
        var histories = new Dictionary<string, ScorePoint[]>
        {
            ["a"] = [new(Today.AddDays(-2), 70), new(Today.AddDays(-1), 71)],
            ["b"] = [new(Today.AddDays(-30), 90), new(Today.AddDays(-3), 300)],
        };

        var snapshot = ScoreSnapshot.Of(latest, histories);

        foreach (var (id, score) in latest)
        {
            var held = snapshot.Latest[id];
            Assert.Equal((score.AccountId, score.AsOf, score.Score, score.Band), (held.AccountId, held.AsOf, held.Score, held.Band));
            Assert.Equal(score.Components, held.Components);
            Assert.Equal(score.Omitted, held.Omitted);
        }
        Assert.Equal(histories["a"], snapshot.HistoryOf("a"));
        Assert.Equal(histories["b"], snapshot.HistoryOf("b"));
        Assert.Empty(snapshot.HistoryOf("c"));
        // The line two accounts have in common is held once.
        Assert.Same(snapshot.Latest["a"].Components[1], snapshot.Latest["b"].Components[0]);
        Assert.Same(snapshot.Latest["a"].Omitted, snapshot.Latest["b"].Omitted);
    }

    private static HealthScore Score(string id, int score, ComponentScore[] components, OmittedComponent[] omitted) => new()
    {
        AccountId = id,
        AsOf = Today,
        Score = score,
        Band = new ScoringOptions().BandFor(score),
        // Copies, as a store reads each account's breakdown into objects of its own.
        Components = [.. components.Select(c => c with { Reason = new string(c.Reason.AsSpan()) })],
        Omitted = [.. omitted.Select(o => o with { Why = new string(o.Why.AsSpan()) })],
    };

    private static ComponentScore Line(HealthComponentKind kind, double points, string reason) => new(kind, points / 100, points, 0.25, points / 4, reason);

    private static OmittedComponent Left(HealthComponentKind kind, string why) => new(kind, why);
}
