using CsBot.Core.Prediction;

namespace CsBot.Core.Tests.Prediction;

public sealed class ChurnMetricsTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_ranked_right_with_ties_counting_half()
    {
        Assert.Equal(1.0, ChurnMetrics.Auc([0.9, 0.8, 0.2, 0.1], [true, true, false, false]));
        Assert.Equal(0.0, ChurnMetrics.Auc([0.1, 0.2, 0.8, 0.9], [true, true, false, false]));
        Assert.Equal(0.5, ChurnMetrics.Auc([0.5, 0.5, 0.5, 0.5], [true, false, true, false]));
        // Pairs: (0.9>0.7) (0.9>0.3) (0.4<0.7) (0.4>0.3): 3 of 4.
        Assert.Equal(0.75, ChurnMetrics.Auc([0.9, 0.7, 0.4, 0.3], [true, false, true, false]));
        Assert.True(double.IsNaN(ChurnMetrics.Auc([0.1, 0.2], [false, false])));
    }

    [Fact]
    public void Precision_and_recall_at_the_top_share_flag_the_highest_scores()
    {
        double[] scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
        bool[] labels = [true, false, false, true, false, false, false, true, false, false];

        Assert.Equal((1.0, 1 / 3.0), ChurnMetrics.AtTop(scores, labels, 0.1));
        Assert.Equal((0.5, 2 / 3.0), ChurnMetrics.AtTop(scores, labels, 0.4));
    }
}
