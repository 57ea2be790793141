using CsBot.Core.Scoring;

namespace CsBot.Core.Tests.Scoring;

/// <summary>A store skips writing a score whose fingerprint it already holds: every visible difference must change it.</summary>
public sealed class ScoreFingerprintTests
{
    private static readonly HealthScore Score = new()
    {
        AccountId = "acc-001",
        AsOf = new DateOnly(2026, 11, 16),
        Score = 61,
        Band = HealthBand.Average,
        Components =
        [
            new ComponentScore(HealthComponentKind.UsageTrend, -12.5, 53.3, 20, 13.1, "active users down 12.5%"),
            new ComponentScore(HealthComponentKind.SeatUtilization, 42, 36.7, 20, 9.0, "42% of 50 seats active"),
        ],
        Omitted = [new OmittedComponent(HealthComponentKind.Nps, "no NPS responses in 180 days")],
    };

    [Fact]
    public void An_equal_score_has_the_same_fingerprint_whatever_its_account()
    {
        var copy = Score with { AccountId = "acc-002", Components = [.. Score.Components], Omitted = [.. Score.Omitted] };
        Assert.Equal(ScoreFingerprint.Of(Score), ScoreFingerprint.Of(copy));
    }

    [Fact]
    public void Any_change_a_reader_could_see_changes_the_fingerprint()
    {
        var first = Score.Components[0];
        HealthScore[] changed =
        [
            Score with { AsOf = Score.AsOf.AddDays(1) },
            Score with { Score = 62 },
            Score with { Band = HealthBand.Good },
            Score with { Components = [first with { Kind = HealthComponentKind.Nps }, Score.Components[1]] },
            Score with { Components = [first with { Value = -12.6 }, Score.Components[1]] },
            Score with { Components = [first with { Points = 53.4 }, Score.Components[1]] },
            Score with { Components = [first with { Weight = 25 }, Score.Components[1]] },
            Score with { Components = [first with { Contribution = 13.2 }, Score.Components[1]] },
            Score with { Components = [first with { Reason = "active users down 13%" }, Score.Components[1]] },
            Score with { Components = [Score.Components[1], first] },
            Score with { Components = [first] },
            Score with { Omitted = [] },
            Score with { Omitted = [new OmittedComponent(HealthComponentKind.Nps, "no NPS responses in 90 days")] },
        ];
        var fingerprints = changed.Select(ScoreFingerprint.Of).Append(ScoreFingerprint.Of(Score)).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }
}
