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
    public void Sampling_keeps_the_first_and_last_values()
    {
        var sampled = Sparkline.Sample([.. Enumerable.Range(1, 31)], 4);

        Assert.Equal([1, 11, 21, 31], sampled);
    }
}
