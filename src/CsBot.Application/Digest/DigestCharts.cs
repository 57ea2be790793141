using CsBot.Application.Pictures;
using CsBot.Core.Scoring;

namespace CsBot.Application.Digest;

/// <summary>The digest's two charts, from the same scope and numbers as its text: health by band over the weeks, and the week's biggest drops.</summary>
internal static class DigestCharts
{
    public static BandAveragesChart BandAverages(DigestScope scope, ScoringOptions bands)
    {
        var weeks = scope.Weeks.ToList();
        // Each band's line follows the accounts in it today, so it shows how today's poor accounts got there.
        var series = new[] { HealthBand.Good, HealthBand.Average, HealthBand.Poor }
            .Select(band => (Band: band, Positions: Enumerable.Range(0, scope.Accounts.Count).Where(at => scope.Latest(at)?.Band == band).ToList()))
            .Where(b => b.Positions.Count > 0)
            .Select(b => new BandSeries(b.Band, b.Positions.Count, [.. DigestBuilder.WeeklyAverages(scope, b.Positions)]))
            .ToList();
        return new BandAveragesChart
        {
            Title = $"Average health by band, last {DigestBuilder.SparklineWeeks} weeks{SegmentSuffix(scope)}",
            Weeks = weeks,
            Series = series,
            Bands = new BandLimits(bands.AverageFrom, bands.GoodFrom),
        };
    }

    public static DropsChart Drops(DigestScope scope) => new()
    {
        Title = $"Biggest health drops, last 7 days{SegmentSuffix(scope)}",
        Days = 7,
        Drops = [.. DigestPortfolioSections.Drops(scope).Select(d => new DropBar(d.Account.Name, d.Score.Score - d.Change, d.Score.Score))],
    };

    private static string SegmentSuffix(DigestScope scope) => scope.Data.Segment is { Length: > 0 } segment ? $" ({segment})" : "";
}
