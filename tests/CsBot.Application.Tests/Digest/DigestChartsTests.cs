using CsBot.Application.Digest;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.Digest;

/// <summary>The digest's charts say what its text says: the same drops, and each band's line follows the accounts in it today.</summary>
public class DigestChartsTests
{
    private static readonly DigestBuilder Builder = new(new ScoringOptions(), new MetricsCalculator(new MetricsOptions()));

    [Fact]
    public void The_digest_asks_for_its_two_charts_after_its_text()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data());

        Assert.Equal([new PictureRequest(PictureKind.DigestBands, ""), new PictureRequest(PictureKind.DigestDrops, "")], digest.FollowedBy);
    }

    [Fact]
    public void The_drops_chart_has_the_bars_of_the_biggest_drops_section()
    {
        var (_, drops) = Builder.Charts(DigestTestPortfolio.Data());

        Assert.Equal(["Account A", "Account B", "Account F", "Account D", "Account G"], drops.Drops.Select(d => d.Account));
        Assert.Equal((80, 45), (drops.Drops[0].From, drops.Drops[0].To));
        Assert.StartsWith("Biggest health drops, last 7 days: Account A 80 -> 45 (-35); ", drops.AltText);
    }

    [Fact]
    public void Each_band_line_counts_todays_accounts_in_it_over_twelve_weeks()
    {
        var (bands, _) = Builder.Charts(DigestTestPortfolio.Data());

        Assert.Equal(12, bands.Weeks.Count);
        // The digest's text: 3 good, 4 average, 1 poor today.
        Assert.Equal([(HealthBand.Good, 3), (HealthBand.Average, 4), (HealthBand.Poor, 1)], bands.Series.Select(s => (s.Band, s.Accounts)));
        Assert.All(bands.Series, s => Assert.Equal(12, s.Averages.Count));
        // Today's poor account scored 30 now; the last week's point is today.
        Assert.Equal(30, bands.Series.Single(s => s.Band == HealthBand.Poor).Averages[^1]);
        Assert.Contains("Poor now (1 account): ", bands.AltText);
    }
}
