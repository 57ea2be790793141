namespace CsBot.Core.Prediction;

/// <summary>How well a ranking of accounts by risk matched what happened. Pure, no allocation beyond one sort.</summary>
public static class ChurnMetrics
{
    /// <summary>
    /// Area under the ROC curve: the chance a random positive ranks above a random negative (ties count half).
    /// NaN when either class is missing.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                if (labels[order[k]]) { rankSum += averageRank; positives++; }
            i = j + 1;
        }
        var negatives = order.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>Precision and recall when the top <paramref name="share"/> of rows by score are flagged (at least one).</summary>
    public static (double Precision, double Recall) AtTop(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double share)
    {
        if (scores.Count == 0) return (double.NaN, double.NaN);
        var flagged = Math.Max(1, (int)Math.Round(scores.Count * share));
        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(flagged);
        return Of(top.Select(i => labels[i]).ToArray(), labels.Count(l => l));
    }

    /// <summary>Precision and recall of a flag set: <paramref name="flaggedLabels"/> are the labels of the flagged rows.</summary>
    public static (double Precision, double Recall) Of(IReadOnlyCollection<bool> flaggedLabels, int positives)
    {
        var hits = flaggedLabels.Count(l => l);
        return (flaggedLabels.Count == 0 ? double.NaN : hits / (double)flaggedLabels.Count, positives == 0 ? double.NaN : hits / (double)positives);
    }
}
