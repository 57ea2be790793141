using CsBot.Core.Messaging;

namespace CsBot.Core.Tests.Messaging;

public class SparklineTests
{
    [Fact]
    public void Scores_map_onto_a_fixed_scale_from_lowest_to_highest_bar()
    {
        Assert.Equal("▁▄█", Sparkline.ForScores([0, 50, 100]));
    }

    [Fact]
    public void Out_of_range_scores_are_clamped()
    {
        Assert.Equal("▁█", Sparkline.ForScores([-5, 140]));
    }

    [Fact]
    public void A_fall_of_nine_points_fills_the_height_of_a_line_scaled_to_its_own_range()
    {
        int[] scores = [52, 51, 49, 47, 46, 45, 43];

        // On the fixed 0-100 scale all seven are the same bar, and the fall cannot be seen.
        Assert.Single(Sparkline.ForScores(scores).Distinct());
        Assert.Equal("█▇▆▄▃▃▁", Sparkline.ForSeries(scores));
        Assert.Equal("(range 43-52)", Sparkline.Range(scores));
    }

    [Fact]
    public void A_flat_line_is_drawn_flat_and_says_so()
    {
        Assert.Equal("▄▄▄▄", Sparkline.ForSeries([60, 60, 60, 60]));
        Assert.Equal("(flat at 60)", Sparkline.Range([60, 60, 60, 60]));
    }

    [Fact]
    public void Sampling_keeps_the_first_and_last_values()
    {
        var sampled = Sparkline.Sample([.. Enumerable.Range(1, 31)], 4);

        Assert.Equal([1, 11, 21, 31], sampled);
    }
}
