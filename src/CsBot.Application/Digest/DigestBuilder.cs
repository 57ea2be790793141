using CsBot.Core.Formatting;
using CsBot.Application.Pictures;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Application.Digest;

/// <summary>
/// The weekly digest as one readable post: health by band with the change since last week, new at-risk accounts,
/// the biggest health drops with their weakest component, renewals in the next 90 days, last month's key metrics
/// against the month before, and a 12-week sparkline of average health. A pure function of <see cref="DigestData"/>.
/// </summary>
public sealed class DigestBuilder(ScoringOptions bands, MetricsCalculator metrics)
{
    public const int TopDrops = 5;
    public const int SparklineWeeks = 12;
    public const int MaxListed = 5;

    public ChatMessage Build(DigestData data)
    {
        var scope = new DigestScope(data, metrics.Currency);
        var week = DigestKeys.IsoWeek(data.Today);
        var title = $"Weekly health digest {week}{(data.Segment is { Length: > 0 } s ? $" ({s.Trim()})" : "")}";
        if (scope.Accounts.Count == 0)
        {
            return new ChatMessage
            {
                Title = title,
                FallbackText = $"{title}: no active accounts",
                Sections = [new MessageSection { Text = data.Segment is { Length: > 0 } ? $"No active accounts in segment '{data.Segment.Trim()}'." : "No active accounts." }],
            };
        }

        var distribution = DigestPortfolioSections.Distribution(scope, bands);
        var atRisk = DigestPortfolioSections.NewAtRisk(scope);
        var drops = DigestPortfolioSections.BiggestDrops(scope);
        var renewals = DigestPortfolioSections.Renewals(scope);
        var sections = new List<MessageSection>
        {
            distribution.Section,
            Trend(scope),
            atRisk.Section,
            drops,
            renewals.Section,
            DigestMetricsSection.Build(metrics, data),
        };

        var scored = Enumerable.Range(0, scope.Accounts.Count).Count(at => scope.Latest(at) is not null);
        var context = new List<string> { $"{scored} of {scope.Accounts.Count} active accounts scored; as of {Format.Date(data.Today)}" };
        return new ChatMessage
        {
            Title = title,
            FallbackText = $"{title}: {distribution.Summary}; {atRisk.Count} new at-risk; {renewals.Next30} renewals in 30 days",
            Sections = sections,
            Context = context,
            FollowedBy = [new PictureRequest(PictureKind.DigestBands, data.Segment ?? ""), new PictureRequest(PictureKind.DigestDrops, data.Segment ?? "")],
        };
    }

    /// <summary>The digest's charts (health by band over 12 weeks, the week's biggest drops), from the same data as its text.</summary>
    public (BandAveragesChart Bands, DropsChart Drops) Charts(DigestData data)
    {
        var scope = new DigestScope(data, metrics.Currency);
        return (DigestCharts.BandAverages(scope, bands), DigestCharts.Drops(scope));
    }

    /// <summary>Average health of the scope's accounts on each of the last 12 weeks, oldest first; null for a week without scores.</summary>
    internal static IReadOnlyList<int?> WeeklyAverages(DigestScope scope) => WeeklyAverages(scope, Enumerable.Range(0, scope.Accounts.Count));

    /// <summary>As <see cref="WeeklyAverages(DigestScope)"/>, over the accounts at <paramref name="positions"/> in the scope.</summary>
    internal static IReadOnlyList<int?> WeeklyAverages(DigestScope scope, IEnumerable<int> positions)
    {
        var weeks = scope.Weeks.Count;
        var sums = new long[weeks];
        var counts = new int[weeks];
        foreach (var at in positions)
        {
            for (var week = 0; week < weeks; week++)
            {
                var score = scope.WeekScore(at, week);
                if (score == DigestScope.NoScore) continue;
                sums[week] += score;
                counts[week]++;
            }
        }
        var averages = new List<int?>(weeks);
        // As Enumerable.Average over the scores (a long sum over a double count), rounded half away from zero.
        for (var week = 0; week < weeks; week++)
            averages.Add(counts[week] == 0 ? null : (int)Math.Round((double)sums[week] / counts[week], MidpointRounding.AwayFromZero));
        return averages;
    }

    private static MessageSection Trend(DigestScope scope)
    {
        var averages = WeeklyAverages(scope);
        // A week without scores shows as a dot, so the line always spans 12 weeks and gaps stay visible. The line is
        // scaled to its own range (shown next to it): a portfolio average moves a few points, invisible on 0-100.
        var known = averages.OfType<int>().ToList();
        var bars = Sparkline.ForSeries(known);
        var next = 0;
        var line = new string([.. averages.Select(a => a is null ? '·' : bars[next++])]);
        var text = known.Count switch
        {
            0 => $"{line} no scores yet",
            1 => $"{line} average {known[0]}",
            _ => $"{line} {Sparkline.Range(known)} average {known[^1]} ({Format.Signed(known[^1] - known[0])} over {SparklineWeeks} weeks)",
        };
        return new MessageSection { Heading = $"Portfolio health, last {SparklineWeeks} weeks", Text = text };
    }
}
