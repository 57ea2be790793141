using CsBot.Application.ReadModel;
using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// An hourly evaluation mostly rescores accounts to the scores they already have; such a save must not mark the cached
/// read model stale, or every hour's run would make the next question rebuild it for nothing.
/// </summary>
public sealed class UnchangedScoresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-unchanged-scores-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test */ }
    }

    [Fact]
    public void Saving_scores_already_stored_leaves_the_scores_version_and_a_changed_score_moves_it()
    {
        using var context = new LiteDbContext(Path.Combine(_folder, "csbot.db"));
        var versions = new DataVersions();
        var scores = new ObservedScoreStore(new LiteDbScoreStore(context), versions);
        var day = new DateOnly(2026, 11, 30);
        HealthScore Score(int value) => new()
        {
            AccountId = "acc-1", AsOf = day, Score = value, Band = HealthBand.Average,
            Components = [new ComponentScore(HealthComponentKind.SeatUtilization, 42, 36.7, 20, 9.0, "42% of 50 seats active")],
        };

        scores.SaveScores([Score(55)]);
        var before = versions.Scores;

        Assert.Equal(0, scores.SaveScores([Score(55)]));
        Assert.Equal(before, versions.Scores);

        Assert.Equal(1, scores.SaveScores([Score(48)]));
        Assert.NotEqual(before, versions.Scores);
    }
}
