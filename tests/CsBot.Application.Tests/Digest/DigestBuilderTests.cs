using CsBot.Application.Digest;
using CsBot.Application.ReadModel;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.Digest;

public class DigestBuilderTests
{
    private static readonly DigestBuilder Builder = new(new ScoringOptions(), new MetricsCalculator(new MetricsOptions()));

    private static string[] Lines(ChatMessage message, string headingStart) =>
        (message.Sections.Single(s => s.Heading?.StartsWith(headingStart, StringComparison.Ordinal) == true).Text ?? "").Split('\n');

    [Fact]
    public void Bands_show_accounts_and_arr_with_the_change_since_last_week()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data());

        Assert.Equal(
            [
                "Good: 3 accounts, $84k ARR (-2 accounts, -$156k ARR vs last week)",
                "Average: 4 accounts, $180k ARR (+1 account, +$96k ARR vs last week)",
                "Poor: 1 account, $60k ARR (+1 account, +$60k ARR vs last week)",
            ],
            Lines(digest, "Health by band"));
    }

    [Fact]
    public void The_biggest_drops_are_the_top_five_largest_first_with_the_weakest_reason()
    {
        var drops = Lines(Builder.Build(DigestTestPortfolio.Data()), "Biggest health drops");

        Assert.Equal(5, drops.Length);
        Assert.StartsWith("Account A: 80 -> 45 (-35), Average, $120k ARR. Weakest: seat utilisation of a at 20%", drops[0]);
        Assert.Equal(["Account A", "Account B", "Account F", "Account D", "Account G"], drops.Select(d => d[..d.IndexOf(':')]));
        Assert.DoesNotContain(drops, d => d.StartsWith("Account H", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_alerts_first_fired_this_week_count_as_new_at_risk()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data());

        var section = digest.Sections.Single(s => s.Heading!.StartsWith("New at-risk", StringComparison.Ordinal));
        Assert.Equal("New at-risk accounts this week: 1", section.Heading);
        Assert.Equal("Account B (Poor 30, $60k ARR): [High] health 30 is below 40", section.Text);
    }

    [Fact]
    public void Renewals_fall_into_30_60_and_90_day_buckets_with_their_arr_and_band()
    {
        var lines = Lines(Builder.Build(DigestTestPortfolio.Data()), "Renewals");

        Assert.Equal(
            [
                "Next 30 days: 2 renewals, $156k ARR",
                "  Account A: 2026-07-25 (10 days), $120k ARR, Average 45",
                "  Account F: 2026-08-14 (30 days), $36k ARR, Average 60",
                "In 31-60 days: 2 renewals, $78k ARR",
                "  Account B: 2026-08-29 (45 days), $60k ARR, Poor 30",
                "  Account G: 2026-08-15 (31 days), $18k ARR, Average 48",
                "In 61-90 days: 1 renewal, $12k ARR",
                "  Account C: 2026-09-28 (75 days), $12k ARR, Good 75",
            ],
            lines);
    }

    [Fact]
    public void Key_metrics_are_last_full_month_with_deltas_against_the_month_before()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data());

        var section = digest.Sections.Single(s => s.Heading!.StartsWith("Key metrics", StringComparison.Ordinal));
        Assert.Equal("Key metrics, June 2026", section.Heading);
        Assert.Equal(
            [
                "NRR: 103.7% (+5.5 pts vs May 2026)",
                "GRR: 100.0% (+1.8 pts vs May 2026)",
                "Logo churn: 0.0% (0.0 pts vs May 2026)",
                "NPS: 25 (+25 vs May 2026)",
            ],
            section.Text!.Split('\n'));
    }

    [Fact]
    public void The_portfolio_sparkline_spans_twelve_weeks_of_average_health()
    {
        var text = Lines(Builder.Build(DigestTestPortfolio.Data()), "Portfolio health").Single();

        var spark = text[..text.IndexOf(' ')];
        Assert.Equal(12, spark.Length);
        // Eleven weeks at the old average (68) and this week at the new one (60): on the line's own range the fall
        // of 8 points runs from top to bottom.
        Assert.Equal("███████████▁", spark);
        Assert.EndsWith("(range 60-68) average 60 (-8 over 12 weeks)", text);
    }

    [Fact]
    public void Weeks_without_scores_show_as_gaps_and_keep_the_line_twelve_weeks_long()
    {
        var data = DigestTestPortfolio.Data();
        var recentOnly = data with { Histories = PackedScoreHistory.All(DigestTestPortfolio.Histories().ToDictionary(h => h.Key, h => h.Value.TakeLast(10).ToArray())) };

        var text = Lines(Builder.Build(recentOnly), "Portfolio health").Single();

        Assert.Equal(12, text.IndexOf(' '));
        Assert.StartsWith("··········", text);
    }

    [Fact]
    public void A_segment_filter_scopes_every_part_of_the_digest()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data("enterprise"));

        Assert.Equal("Weekly health digest 2026-W29 (enterprise)", digest.Title);
        Assert.Equal(
            [
                "Good: 0 accounts, $0 ARR (-1 account, -$120k ARR vs last week)",
                "Average: 1 account, $120k ARR (0 accounts, +$60k ARR vs last week)",
                "Poor: 1 account, $60k ARR (+1 account, +$60k ARR vs last week)",
            ],
            Lines(digest, "Health by band"));
        Assert.Equal(["Account A", "Account B"], Lines(digest, "Biggest health drops").Select(d => d[..d.IndexOf(':')]));
        Assert.DoesNotContain(Lines(digest, "Renewals"), l => l.Contains("Account C", StringComparison.Ordinal));
        // Enterprise MRR: 15,000 at the start of June, +1,000 expansion.
        Assert.StartsWith("NRR: 106.7%", Lines(digest, "Key metrics")[0]);
    }

    [Fact]
    public void A_segment_without_accounts_says_so()
    {
        var digest = Builder.Build(DigestTestPortfolio.Data("Public Sector"));

        Assert.Equal("No active accounts in segment 'Public Sector'.", Assert.Single(digest.Sections).Text);
    }

    [Fact]
    public void The_idempotency_key_is_one_per_channel_and_iso_week()
    {
        var monday = new DateOnly(2026, 12, 28);

        Assert.Equal("digest:cs-leadership:2026-W53", DigestKeys.For("#CS-Leadership", monday));
        Assert.Equal(DigestKeys.For("cs-leadership", monday), DigestKeys.For("cs-leadership", monday.AddDays(6)));
        Assert.Equal("digest:cs-leadership:2027-W01", DigestKeys.For("cs-leadership", monday.AddDays(7)));
    }
}
