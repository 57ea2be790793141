using System.Globalization;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;

namespace CsBot.Application.Prediction;

/// <summary>
/// Trains a churn model the honest way: month-end snapshots of the portfolio's own history, the latest months held out,
/// the model fitted on the earlier ones and measured on the later ones, and kept only if it clears the gate (then
/// refitted on every month). Pure apart from the learner.
/// </summary>
public static class ChurnModelFit
{
    /// <summary>The month-end rows of <paramref name="portfolio"/> the options ask for, built a batch of accounts at a time.</summary>
    public static ChurnTrainingSet Snapshots(IEnumerable<AccountSignals> portfolio, DateOnly today, ChurnModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var label = new ChurnLabel(options.HorizonDays, options.ContractionShare);
        return ChurnTrainingSet.Build(portfolio, ChurnSnapshots.MonthEnds(today, options.HistoryMonths, label), today, label);
    }

    public static ChurnModelRecord Run(IEnumerable<AccountSignals> portfolio, DateOnly today, DateTimeOffset now, ChurnModelOptions options, IChurnLearner learner) =>
        Run(Snapshots(portfolio, today, options), today, now, options, learner);

    public static ChurnModelRecord Run(ChurnTrainingSet rows, DateOnly today, DateTimeOffset now, ChurnModelOptions options, IChurnLearner learner)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(learner);
        var id = "churn-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var churns = rows.Churns;
        ChurnModelRecord Refused(string verdict, int snapshots = 0, int positives = 0) =>
            new(id, now, today, snapshots, positives, churns, ChurnFeatures.Names, double.NaN, double.NaN, double.NaN, options.MinimumAuc, false, verdict, []);

        if (churns < options.MinimumChurnEvents)
            return Refused($"Not trained: {churns} churn{(churns == 1 ? "" : "s")} since {rows.Days[0]:yyyy-MM-dd}, and a model needs at least " +
                $"{options.MinimumChurnEvents} to learn from (Prediction:MinimumChurnEvents). The rules keep working meanwhile.");

        var (train, test) = Split(rows, options.TestMonths, options.HorizonDays);
        var positives = rows.Positives;
        if (!train.Any(true) || !test.Any(true) || !test.Any(false))
            return Refused($"Not trained: the held-out last {options.TestMonths} months or the months before them have no churn or contraction to learn or test on.", rows.Count, positives);

        var scorer = learner.Load(learner.Fit(train));
        var scores = Probabilities(scorer, test);
        var labels = test.Labels();
        var auc = ChurnMetrics.Auc(scores, labels);
        var (precision, recall) = ChurnMetrics.AtTop(scores, labels, options.TopShare);
        var passed = auc >= options.MinimumAuc;
        var measured = $"AUC {auc:0.00} on the last {options.TestMonths} months held out ({test.Count:N0} snapshots, trained on {train.Count:N0} before them)";
        if (!passed)
            return new ChurnModelRecord(id, now, today, train.Count, train.CountLabelled(true), churns, ChurnFeatures.Names,
                auc, precision, recall, options.MinimumAuc, false, $"Not used: {measured}, below the gate of {options.MinimumAuc:0.00} (Prediction:MinimumAuc).", []);

        // Passed: refit on every month, so the model in use has seen the most recent behaviour too.
        return new ChurnModelRecord(id, now, today, rows.Count, positives, churns, ChurnFeatures.Names, auc, precision, recall,
            options.MinimumAuc, true, $"In use: {measured}, at or above the gate of {options.MinimumAuc:0.00}.", learner.Fit(rows.All));
    }

    /// <summary>
    /// Rows of the last <paramref name="testMonths"/> snapshot days go to the test side; training keeps only rows whose
    /// outcome window closed before the first test day, so nothing the model learns from happened in the test period.
    /// Both are runs of the set's day-ordered rows, so neither is copied.
    /// </summary>
    public static (ChurnRows Train, ChurnRows Test) Split(ChurnTrainingSet rows, int testMonths, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cut = rows.Days[rows.Days.Count - testMonths];
        return (rows.Before(cut.AddDays(-horizonDays)), rows.From(cut));
    }

    /// <summary>The probability of each row, one buffer per worker rather than an array per row.</summary>
    public static double[] Probabilities(IChurnScorer scorer, ChurnRows rows)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(rows);
        var result = new double[rows.Count];
        Parallel.For(0, rows.Count, () => new float[ChurnFeatures.Count], (i, _, row) =>
        {
            rows.Features(i).CopyTo(row);
            result[i] = scorer.Probability(row);
            return row;
        }, _ => { });
        return result;
    }
}
