using System.Globalization;
using System.Text.RegularExpressions;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.Asking;

/// <summary>Answers read as people write: names in words, each value once, formulas that add up, lines that show change.</summary>
public partial class ReadWellTests
{
    private readonly AnswerFixture _data = new();

    private ChatMessage Ask(string text) => _data.Service().Ask(text, Asker.Local());

    private static string AllText(ChatMessage m) => string.Join("\n",
        new[] { m.Title }.Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.Select(f => $"{f.Label}: {f.Value}"))))
            .Concat(m.Context).Concat(m.Actions.Concat(m.Sections.SelectMany(s => s.Actions)).Select(a => a.Label)).Where(t => t is not null));

    [Fact]
    public void A_metric_answer_says_its_value_once()
    {
        var answer = Ask("what was NRR last quarter?");

        Assert.Single(Regex.Matches(AllText(answer), Regex.Escape("104.0%")));
        Assert.Equal("NRR = (start $1.21M + expansion $80k - contraction $20k - churn $12k) / $1.21M", answer.Sections[0].Text);
    }

    [Fact]
    public void The_breakdown_names_components_in_words_and_each_line_adds_up_with_the_weights_used()
    {
        // Usage trend (weight 20) and support load (weight 10) scored; the other components had no data, so these two
        // share the whole weight: 20/30 and 10/30, and 40 x 66.7% = 26.7, 80 x 33.3% = 26.7 as written.
        var score = new HealthScore
        {
            AccountId = "big", AsOf = AnswerFixture.Today, Score = 53, Band = HealthBand.Average,
            Components =
            [
                new(HealthComponentKind.UsageTrend, -25, 40, 20, 40 * 20 / 30.0, "active users down 25% (48 -> 36) vs 28-day baseline"),
                new(HealthComponentKind.SupportBurden, 2, 80, 10, 80 * 10 / 30.0, "1 open ticket (1 medium; oldest 3 days open) weigh 2"),
            ],
            Omitted = [new(HealthComponentKind.SeatUtilization, "no licensed seats")],
        };
        var account = _data.Stores.GetAccounts().Single(a => a.Id == "big");

        var answer = HealthAnswerBuilder.Why(account, score, []);
        var text = AllText(answer);

        foreach (var code in new[] { "UsageTrend", "SupportBurden", "SeatUtilization" }) Assert.DoesNotContain(code, text);
        Assert.Equal(
            "Usage trend: 40/100 x 66.7% = 26.7 points. active users down 25% (48 -> 36) vs 28-day baseline\n" +
            "Support load: 80/100 x 33.3% = 26.7 points. 1 open ticket (1 medium; oldest 3 days open) weigh 2",
            answer.Sections[0].Text);
        Assert.Contains("Seat utilisation (no licensed seats)", string.Join("\n", answer.Context));
    }

    [Fact]
    public void Each_line_of_a_real_breakdown_adds_up_as_written()
    {
        var lines = Ask("why is late payer ltd at risk").Sections[0].Text!.Split('\n');

        var shares = 0m;
        foreach (var line in lines)
        {
            var m = BreakdownLine().Match(line);
            Assert.True(m.Success, line);
            var (points, share, contribution) = (Dec(m.Groups["p"].Value), Dec(m.Groups["w"].Value), Dec(m.Groups["c"].Value));
            Assert.InRange(points * share / 100m - contribution, -0.15m, 0.15m);
            shares += share;
        }
        Assert.InRange(shares, 99.8m, 100.2m);
    }

    [Fact]
    public void Firing_rules_are_named_in_words_and_their_ids_stay_out_of_the_text()
    {
        // Late Payer's invoice was due on 2026-10-01: 56 days overdue.
        var text = AllText(Ask("why is late payer ltd at risk"));

        Assert.DoesNotContain("invoice-overdue", text);
        Assert.Contains("Invoice overdue: invoice INV-9", text);
    }

    [Fact]
    public void Choosing_between_alerts_offers_rule_names_in_words_with_the_ids_only_in_button_data()
    {
        var answer = Ask("ack big co");

        Assert.DoesNotContain("usage-cliff", AllText(answer));
        Assert.Contains(answer.Actions, a => a.Label == "Big Co: Usage cliff" && a.Value == "big:usage-cliff");
    }

    [Fact]
    public void The_health_trend_is_scaled_to_its_own_range_and_shows_it()
    {
        // Big Co: 60 on 20 Nov, 50 on 23 Nov, 35 today.
        var trend = Ask("health of big co").Sections[0].Fields.Single(f => f.Label == "Trend").Value;

        Assert.Equal("█▅▁ (range 35-60) -25 in 30 days", trend);
    }

    private static decimal Dec(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@": (?<p>[\d.]+)/100 x (?<w>[\d.]+)% = (?<c>[\d.]+) points\. ")]
    private static partial Regex BreakdownLine();
}
